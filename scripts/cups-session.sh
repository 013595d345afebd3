#!/usr/bin/env bash
# A private CUPS for the tests: its own config, spool, socket and log under DIR (the system's
# /etc/cups and its printers are untouched), with the cups-pdf virtual printer "QRDeskPDF"
# writing what it prints to DIR/out.
#
#   scripts/cups-session.sh start DIR   starts it; prints the environment clients need
#                                       (CUPS_SERVER=…, CUPS_SERVERROOT=…, QRDESK_CUPS_OUT=…)
#   scripts/cups-session.sh stop DIR    stops it
#
# Needs root (cupsd starts as root; cups-pdf runs as root) and the packages cups cups-client
# printer-driver-cups-pdf (installed by scripts/setup.sh test). cups-pdf reads its settings
# from /etc/cups only, so cupsd runs in its own mount namespace where DIR/pdfconf is mounted
# over /etc/cups; only that cupsd and its children see it.
set -euo pipefail
action=${1:?start|stop}; BASE=${2:?DIR}
QUEUE=QRDeskPDF
SOCK=$BASE/state/cups.sock
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
die() { echo "cups-session: $*" >&2; exit 1; }

stop_cupsd() {
  local pidf=$BASE/cupsd.pid pid
  [ -f "$pidf" ] || return 0
  pid=$(cat "$pidf")
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' </proc/"$pid"/cmdline | grep -q -- "-c $BASE/etc/cupsd.conf"; then
    kill -TERM "$pid"
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$pidf"
}

if [ "$action" = stop ]; then stop_cupsd; exit 0; fi
[ "$action" = start ] || die "start or stop, not $action"
[ "$(id -u)" = 0 ] || die "needs root (cupsd and cups-pdf run as root)"
for b in /usr/sbin/cupsd /usr/lib/cups/backend/cups-pdf lp lpstat lpadmin unshare; do
  command -v "$b" >/dev/null || die "missing $b: run scripts/setup.sh test"
done
[ -f "$PPD" ] || die "missing $PPD: run scripts/setup.sh test"

stop_cupsd
rm -rf "$BASE"
mkdir -p "$BASE"/{etc/ppd,etc/ssl,spool/tmp,cache,state,log,lib/backend,bin,out,pdfconf,pdfspool}
chmod 0755 "$BASE" "$BASE/out"
# Copies, not the system paths: AppArmor profiles attach to /usr/sbin/cupsd and the backend.
install -m 0755 /usr/sbin/cupsd "$BASE/bin/cupsd"
for d in cgi-bin daemon driver filter monitor notifier; do
  [ -e /usr/lib/cups/$d ] && ln -s /usr/lib/cups/$d "$BASE/lib/$d"
done
install -m 0700 -o root -g root /usr/lib/cups/backend/cups-pdf "$BASE/lib/backend/cups-pdf"

cat >"$BASE/etc/cups-files.conf" <<EOF
ServerRoot $BASE/etc
ServerBin $BASE/lib
RequestRoot $BASE/spool
TempDir $BASE/spool/tmp
CacheDir $BASE/cache
StateDir $BASE/state
DataDir /usr/share/cups
AccessLog $BASE/log/access_log
ErrorLog $BASE/log/error_log
PageLog $BASE/log/page_log
Printcap $BASE/state/printcap
User lp
Group lp
SystemGroup root
FileDevice No
EOF
cat >"$BASE/etc/cupsd.conf" <<EOF
LogLevel info
Listen $SOCK
Browsing No
BrowseLocalProtocols none
WebInterface No
DefaultAuthType None
DefaultPaperSize A4
PreserveJobHistory Yes
<Location />
  Order allow,deny
  Allow localhost
</Location>
<Location /admin>
  Order allow,deny
  Allow localhost
</Location>
<Policy default>
  JobPrivateAccess all
  JobPrivateValues none
  SubscriptionPrivateAccess all
  SubscriptionPrivateValues none
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF
cat >"$BASE/pdfconf/cups-pdf.conf" <<EOF
Out $BASE/out
AnonDirName $BASE/out
Spool $BASE/pdfspool
GSTmp $BASE/pdfspool
Log $BASE/log
Grp lp
Label 2
UserUMask 0022
EOF
unshare -m true 2>/dev/null || die "cannot make a mount namespace here (needs CAP_SYS_ADMIN)"
# setsid: the daemon outlives this script; unshare execs sh, sh execs cupsd, so $! is cupsd.
setsid unshare -m --propagation private sh -c 'mount --bind "$1" /etc/cups && shift && exec "$@"' sh \
  "$BASE/pdfconf" "$BASE/bin/cupsd" -f -c "$BASE/etc/cupsd.conf" -s "$BASE/etc/cups-files.conf" \
  >"$BASE/log/cupsd.stdout" 2>&1 </dev/null &
echo $! >"$BASE/cupsd.pid"
export CUPS_SERVER=$SOCK CUPS_SERVERROOT=$BASE/etc LC_ALL=C
for _ in $(seq 100); do
  lpstat -r 2>/dev/null | grep -q 'scheduler is running' && break
  kill -0 "$(cat "$BASE/cupsd.pid")" 2>/dev/null || { cat "$BASE"/log/* >&2; die "cupsd stopped"; }
  sleep 0.1
done
lpstat -r | grep -q 'scheduler is running' || die "cupsd does not answer on $SOCK"
lpadmin -p "$QUEUE" -v cups-pdf:/ -P "$PPD" -o PageSize=A4 -o printer-error-policy=abort-job -E \
  2>"$BASE/log/lpadmin.stderr" || { cat "$BASE/log/lpadmin.stderr" >&2; die "lpadmin failed"; }
lpadmin -d "$QUEUE" 2>>"$BASE/log/lpadmin.stderr" || true
echo "CUPS_SERVER=$SOCK"
echo "CUPS_SERVERROOT=$BASE/etc"
echo "QRDESK_CUPS_OUT=$BASE/out"
