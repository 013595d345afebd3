import { describe, expect, it } from "vitest";
import { render } from "preact";
import { act } from "preact/test-utils";
import type { Backend } from "../platform/backend";
import type { CampaignSummary } from "../platform/types";
import { domRoot } from "../testing/dom-root";
import { until } from "../testing/settle";
import { useCampaignLiveCount } from "./useCampaignLiveCount";

const dom = domRoot();

const summary = (id: number, codes: number, waiting: number): CampaignSummary => ({
  id, name: `C${id}`, account: 1, status: "waiting", created_at: "2026-12-07T10:00:00Z",
  rows: codes + waiting, codes, waiting, failed: 0, scans: 0, output: "/tmp/x.pdf",
});

function Probe({ backend, running, id }: { backend: Backend; running: boolean; id: number | null }) {
  const live = useCampaignLiveCount(backend, running, id);
  return <p id="live">{live ? `${live.created}/${live.total}` : "none"}</p>;
}

describe("useCampaignLiveCount", () => {
  it("follows the campaign that appears while the job runs, and stops with it", async () => {
    let lists = 0;
    const backend = {
      listCampaigns: async () => {
        lists++;
        // An older campaign exists before; the new one appears and makes progress.
        return lists === 1 ? [summary(1, 9, 0)] : [summary(2, Math.min(lists, 5), 5 - Math.min(lists, 5)), summary(1, 9, 0)];
      },
    } as unknown as Backend;
    await act(() => render(<Probe backend={backend} running id={null} />, dom.root));
    const text = () => dom.root.querySelector("#live")!.textContent;
    await until("the new campaign's count", () => text() === "2/5", 200);
    await until("more codes made", () => text() !== "2/5", 300);
    expect(text()).toMatch(/^[3-5]\/5$/);
    await act(() => render(<Probe backend={backend} running={false} id={null} />, dom.root));
    expect(text()).toBe("none");
  });

  it("follows the campaign being carried on by its id", async () => {
    const backend = { listCampaigns: async () => [summary(4, 7, 3), summary(3, 1, 1)] } as unknown as Backend;
    await act(() => render(<Probe backend={backend} running id={3} />, dom.root));
    await until("the count of campaign 3", () => dom.root.querySelector("#live")!.textContent === "1/2");
  });
});
