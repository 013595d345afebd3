#!/usr/bin/env python3
"""Crash consistency trials: the real `qrdesk` binary is killed with SIGKILL at random moments
during a sync, during an outbox push, during a key rotation and during a print job, against a
running qrdesk-sim and the real keychain of the private session that scripts/crash-trials starts.

After every kill:
  sync, push  PRAGMA integrity_check passes and no outbox entry is missing;
  rotation    integrity passes and the account's key in the keychain still works (verify);
              running the rotation again finishes it, leaving exactly one key in the keychain;
  print       the output PDF is either the previous complete file or the new complete one
              (pdfinfo reads it, page count right), never a partial file;
  campaign    integrity passes; at most one campaign exists; creating (when none exists) or
              resuming it again carries on. At the end it is printed: one PDF with every row,
              and after a sync the service holds each row's code exactly once.
At the end: one more sync converges (the cache equals every service, the outbox is empty, every
create exists exactly once), and one more print leaves no temporary file behind.

Run it through scripts/crash-trials (it builds the binaries and starts the session).
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

BIN = os.environ.get("QRDESK_BIN_DIR", "")


def die(message):
    print(f"FAIL: {message}", flush=True)
    sys.exit(1)


class Sim:
    def __init__(self, work, codes, seed):
        self.out = open(os.path.join(work, "sim.out"), "w+")
        self.proc = subprocess.Popen(
            [f"{BIN}/qrdesk-sim", "--rate-limits", "off", "--codes", str(codes), "--seed", str(seed)],
            stdout=self.out, stderr=subprocess.DEVNULL)
        for _ in range(200):
            self.out.seek(0)
            line = self.out.readline()
            if line.strip():
                self.control = json.loads(line)["control_url"]
                self.manifest = json.loads(line)
                return
            time.sleep(0.05)
        die("the simulator did not start")

    def post(self, path, body):
        req = urllib.request.Request(self.control + path, data=json.dumps(body).encode(),
                                     headers={"content-type": "application/json"})
        return json.loads(urllib.request.urlopen(req).read() or b"null")

    def latency(self, ms):
        self.post("/latency", {"ms": ms})

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def run(args, stdin="", env=None, check=True):
    p = subprocess.run(args, input=stdin, capture_output=True, text=True, env=env)
    if check and p.returncode != 0:
        die(f"{' '.join(args)} exited {p.returncode}:\n{p.stdout}{p.stderr}")
    return p


def kill_after(args, ms, stdin="", env=None):
    """Starts ARGS, SIGKILLs it after MS milliseconds; True when it was still running."""
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, text=True, env=env)
    if stdin:
        proc.stdin.write(stdin)
    proc.stdin.close()
    time.sleep(ms / 1000)
    running = proc.poll() is None
    proc.kill()
    proc.wait()
    return running


class SyncLab:
    """Accounts served by the simulator (keys from its manifest), edits queued offline."""

    def __init__(self, work, sim):
        self.data = os.path.join(work, "sync-data")
        self.db = os.path.join(self.data, "qrdesk.sqlite3")
        self.sim = sim
        # The accounts' keys go to the session's keychain, as `qrdesk account add` would put them:
        # the real binary reaches the simulator exactly as it reaches a service.
        self.env = dict(os.environ, QRDESK_KEYCHAIN_NAMESPACE="test")
        self.harness("seed", "--keychain", "--only", "Team plan", "--only", "QRCodePro – live",
                     "--only", "key in one organization", "--only", "Main workspace (Bearer)")
        self.creates = []

    def harness(self, *args):
        p = run([f"{BIN}/qrdesk-sync-harness", "--db", self.db, "--sim", self.sim.control, *args],
                env=self.env)
        return json.loads(p.stdout) if p.stdout.strip() else None

    def check(self):
        return self.harness("check")

    def edits(self, n, tag):
        self.harness("edits", "--n", str(n), "--tag", tag)

    def sync_args(self):
        return [f"{BIN}/qrdesk", "--data-dir", self.data, "sync", "--json"]

    def trial(self, label, ms):
        before = self.check()["outbox_total"]
        killed = kill_after(self.sync_args(), ms, env=self.env)
        after = self.check()
        if not after["integrity_ok"]:
            die(f"{label}: integrity_check failed")
        if after["outbox_total"] != before:
            die(f"{label}: outbox entries lost ({before} -> {after['outbox_total']})")
        print(f"  {label}: killed after {ms} ms{'' if killed else ' (had finished)'}: integrity ok, "
              f"outbox {before} -> {after['outbox_total']} ({after['outbox_waiting']} waiting)", flush=True)
        return killed

    def converge(self):
        for attempt in range(3):
            p = run(self.sync_args(), env=self.env, check=False)
            if p.returncode == 0:
                break
            print(f"  final sync attempt {attempt + 1} reported errors: {p.stdout.strip()[:300]}")
        else:
            die("the final sync did not succeed")
        self.harness("verify")
        # Every create has its own destination (account, trial, number): each must exist once.
        listed = json.loads(run([f"{BIN}/qrdesk", "--data-dir", self.data, "codes", "list",
                                 "--search", "crash.example", "--json"], env=self.env).stdout)
        made = [c["destination"] for c in listed if c["destination"].startswith("https://crash.example/")]
        dupes = sorted({d for d in made if made.count(d) > 1})
        if dupes:
            die(f"creates duplicated on the service: {dupes[:5]}")
        return len(made)


class RotationLab:
    """An Exante account with its key in the session's real keychain (test namespace)."""

    def __init__(self, work, sim):
        self.data = os.path.join(work, "rotation-data")
        self.sim = sim
        self.env = dict(os.environ, QRDESK_KEYCHAIN_NAMESPACE="test")
        key = sim.post("/keys/issue", {"provider": "exante"})["key"]
        base = sim.manifest["services"]["exante"]["base_url"]
        p = run(self.cli("--json", "account", "add", "--label", "Crash trials", "--base-url", base),
                stdin=key + "\n", env=self.env)
        self.id = str(json.loads(p.stdout)["id"])

    def cli(self, *args):
        return [f"{BIN}/qrdesk", "--data-dir", self.data, *args]

    def keychain_users(self):
        p = run(["secret-tool", "search", "--all", "service", "dev.qrdesk.desktop.test"], check=False)
        users = re.findall(r"attribute\.username = (\S+)", p.stdout + p.stderr)
        # The sync lab's accounts share the namespace; their references say they were seeded.
        return sorted(u for u in users if not u.startswith("testkit-account-"))

    def trial(self, label, ms):
        killed = kill_after(self.cli("account", "rotate", self.id, "--auto"), ms, env=self.env)
        check = json.loads(run([f"{BIN}/qrdesk-sync-harness", "--db",
                                os.path.join(self.data, "qrdesk.sqlite3"), "check"]).stdout)
        if not check["integrity_ok"]:
            die(f"{label}: integrity_check failed")
        slots = self.keychain_users()
        # The key in use is never lost: the account verifies with what the keychain holds.
        v = run(self.cli("account", "verify", self.id), env=self.env, check=False)
        if v.returncode != 0:
            die(f"{label}: the account's key no longer works after the kill:\n{v.stdout}{v.stderr}")
        # Running the rotation again finishes it (or makes a new complete one).
        run(self.cli("account", "rotate", self.id, "--auto"), env=self.env)
        after = self.keychain_users()
        if len(after) != 1 or not after[0].endswith("/active"):
            die(f"{label}: after finishing, the keychain holds {after} (want one active key)")
        run(self.cli("account", "verify", self.id), env=self.env)
        print(f"  {label}: killed after {ms} ms{'' if killed else ' (had finished)'}: integrity ok, "
              f"key works, slots at the kill {[s.split('/')[-1] for s in slots]}, finished again",
              flush=True)
        return killed


class PrintLab:
    def __init__(self, work, rows):
        self.dir = os.path.join(work, "print-out")
        os.makedirs(self.dir)
        self.csv = os.path.join(work, "rows.csv")
        with open(self.csv, "w") as f:
            f.write("name,url\n")
            for i in range(rows):
                f.write(f"Label {i},https://shop.example/p/{i:06d}?ref=crash\n")
        self.out = os.path.join(self.dir, "labels.pdf")
        started = time.monotonic()
        run(self.args())
        self.seconds = time.monotonic() - started
        self.pages = self.page_count()
        if not self.pages:
            die("the first print did not make a readable PDF")

    def args(self):
        return [f"{BIN}/qrdesk", "print", "--csv", self.csv, "--layout", "avery-l7160",
                "--caption", "{name} · {row}", "--crop-marks", "--output", self.out]

    def page_count(self):
        p = run(["pdfinfo", self.out], check=False)
        m = re.search(r"^Pages:\s+(\d+)", p.stdout, re.M)
        return int(m.group(1)) if p.returncode == 0 and m else 0

    def parts(self):
        return [f for f in os.listdir(self.dir) if f.endswith(".part")]

    def trial(self, label, ms):
        killed = kill_after(self.args(), ms)
        pdfs = [f for f in os.listdir(self.dir) if f.endswith(".pdf")]
        pages = self.page_count()
        if pdfs != ["labels.pdf"] or pages != self.pages:
            die(f"{label}: the output is not a complete PDF after the kill "
                f"(files {pdfs}, pages {pages} of {self.pages})")
        print(f"  {label}: killed after {ms} ms{'' if killed else ' (had finished)'}: labels.pdf complete "
              f"({pages} pages), {len(self.parts())} hidden temporary file(s) of killed jobs", flush=True)
        return killed

    def converge(self):
        run(self.args())
        if self.page_count() != self.pages:
            die("the final print did not make a complete PDF")
        if self.parts():
            die(f"temporary files left after the final print: {self.parts()}")


class CampaignLab:
    """A ROWS-row campaign on the sync lab's QRCodePro account, killed while it creates, syncs
    and prints; each kill is followed by `campaign create` (no campaign yet) or `resume`."""

    def __init__(self, work, sync_lab, rows):
        self.lab = sync_lab
        self.rows = rows
        self.csv = os.path.join(work, "campaign.csv")
        with open(self.csv, "w") as f:
            f.write("table,url\n")
            for i in range(1, rows + 1):
                f.write(f"Table {i},https://campaign.example/t/{i}\n")
        self.out = os.path.join(work, "campaign.pdf")
        accounts = json.loads(run(self.cli("--json", "account", "list"), env=self.lab.env).stdout)
        self.account = str(next(a["id"] for a in accounts if a["provider"] == "qrcodepro"))

    def cli(self, *args):
        return [f"{BIN}/qrdesk", "--data-dir", self.lab.data, *args]

    def campaigns(self):
        return json.loads(run(self.cli("--json", "campaign", "list"), env=self.lab.env).stdout)

    def step_args(self):
        found = self.campaigns()
        if len(found) > 1:
            die(f"{len(found)} campaigns exist; one was made twice")
        if found:
            return self.cli("--json", "campaign", "resume", str(found[0]["id"]))
        return self.cli("--json", "campaign", "create", "--account", self.account, "--csv", self.csv,
                        "--name-column", "table", "--destination-column", "url",
                        "--utm", "utm_source=print&utm_content={serial}", "--layout", "avery-l7160",
                        "--caption", "{name}", "-o", self.out)

    def trial(self, label, ms):
        args = self.step_args()
        killed = kill_after(args, ms, env=self.lab.env)
        if not self.lab.check()["integrity_ok"]:
            die(f"{label}: integrity_check failed")
        found = self.campaigns()
        state = f"campaign {found[0]['status']}, {found[0]['codes']} codes" if found else "no campaign yet"
        print(f"  {label}: killed after {ms} ms{'' if killed else ' (had finished)'} during "
              f"`campaign {args[5]}`: integrity ok, {state}", flush=True)
        return killed

    def converge(self):
        for _ in range(5):
            p = run(self.step_args(), env=self.lab.env, check=False)
            if p.returncode == 0 and json.loads(p.stdout)["status"] == "printed":
                break
        else:
            die("the campaign did not finish")
        found = self.campaigns()
        if len(found) != 1 or found[0]["codes"] != self.rows:
            die(f"after finishing: {found}")
        run([f"{BIN}/qrdesk", "--data-dir", self.lab.data, "sync", "--json"], env=self.lab.env, check=False)
        listed = json.loads(run(self.cli("codes", "list", "--search", "campaign.example", "--json"),
                                env=self.lab.env).stdout)
        made = [c["destination"].split("?")[0] for c in listed
                if c["destination"].startswith("https://campaign.example/")]
        if len(made) != self.rows or len(set(made)) != self.rows:
            die(f"the service holds {len(made)} campaign codes ({len(set(made))} distinct), want {self.rows}")
        p = run(["pdfinfo", self.out])
        pages = int(re.search(r"^Pages:\s+(\d+)", p.stdout, re.M).group(1))
        if pages != -(-self.rows // 21):
            die(f"the campaign's PDF has {pages} pages")
        return pages


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sync", type=int, default=30)
    ap.add_argument("--push", type=int, default=25)
    ap.add_argument("--rotation", type=int, default=25)
    ap.add_argument("--print", dest="prints", type=int, default=20)
    ap.add_argument("--campaign", dest="campaign", type=int, default=10)
    ap.add_argument("--campaign-rows", type=int, default=200)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--codes", type=int, default=400)
    ap.add_argument("--rows", type=int, default=6000)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    work = tempfile.mkdtemp(prefix="qrdesk-crash-")
    sim = Sim(work, a.codes, a.seed)
    totals = {}
    try:
        lab = SyncLab(work, sim)
        lab.edits(2, "start")
        print(f"sync: {a.sync} trials, killed during the list pass or the analytics", flush=True)
        sim.latency(3)
        killed = 0
        for i in range(1, a.sync + 1):
            lab.edits(4, f"sync{i}")
            sim.post("/scans/grow", {"n": 1})
            killed += lab.trial(f"sync {i}", rng.randint(150, 3000))
        totals["sync"] = (a.sync, killed)

        print(f"push: {a.push} trials, killed while queued edits and creates are sent", flush=True)
        sim.latency(15)
        killed = 0
        for i in range(1, a.push + 1):
            lab.edits(12, f"push{i}")
            killed += lab.trial(f"push {i}", rng.randint(20, 600))
        totals["push"] = (a.push, killed)
        sim.latency(0)
        creates = lab.converge()
        print(f"  converged: cache equals every service, outbox empty, {creates} creates each exactly once",
              flush=True)

        if a.campaign:
            cl = CampaignLab(work, lab, a.campaign_rows)
            print(f"campaign: {a.campaign} kills of a {a.campaign_rows}-row campaign (create, then resume)",
                  flush=True)
            # 25 ms per request: the creates alone take seconds, so every kill lands mid-way.
            sim.latency(25)
            killed = 0
            for i in range(1, a.campaign + 1):
                killed += cl.trial(f"campaign {i}", rng.randint(30, 600))
            sim.latency(0)
            pages = cl.converge()
            print(f"  converged: one campaign, {a.campaign_rows} codes each made once, one PDF of {pages} pages",
                  flush=True)
            totals["campaign"] = (a.campaign, killed)

        if a.rotation:
            print(f"rotation: {a.rotation} trials of `account rotate --auto` (Exante, 80 ms per request)",
                  flush=True)
            rot = RotationLab(work, sim)
            sim.latency(80)
            killed = 0
            for i in range(1, a.rotation + 1):
                killed += rot.trial(f"rotation {i}", rng.randint(20, 650))
            sim.latency(0)
            totals["rotation"] = (a.rotation, killed)

        if a.prints:
            pl = PrintLab(work, a.rows)
            print(f"print: {a.prints} trials of a {a.rows}-row job ({pl.pages} pages, "
                  f"{pl.seconds:.1f} s when not killed)", flush=True)
            killed = 0
            for i in range(1, a.prints + 1):
                killed += pl.trial(f"print {i}", rng.randint(20, max(40, int(pl.seconds * 1100))))
            pl.converge()
            totals["print"] = (a.prints, killed)
    finally:
        sim.stop()
        shutil.rmtree(work, ignore_errors=True)
    trials = sum(t for t, _ in totals.values())
    mid = sum(k for _, k in totals.values())
    parts = ", ".join(f"{name} {t} ({k} killed mid-way)" for name, (t, k) in totals.items())
    print(f"PASS: {trials} trials: {parts}; lost: 0 outbox entries, 0 keys, 0 PDFs; "
          "integrity ok after every kill; every part converged", flush=True)


if __name__ == "__main__":
    main()
