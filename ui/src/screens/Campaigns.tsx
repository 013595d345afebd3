// The Campaigns page: from a spreadsheet to new dynamic codes on a service to printed labels.
// Three views on one route: the campaigns (`#/campaigns`), the New campaign form
// (`#/campaigns/new`) and one campaign with its progress, scans and placements (`#/campaigns/3`).

import { useEffect } from "preact/hooks";
import { CampaignDetail } from "./CampaignDetail";
import { CampaignList } from "./CampaignList";
import { NewCampaign } from "./NewCampaign";

export function Campaigns({ campaign }: { campaign: number | "new" | null }) {
  // Another view starts at its top, not where the last one was scrolled to.
  useEffect(() => {
    const main = document.getElementById("main");
    if (main) main.scrollTop = 0;
  }, [campaign]);
  if (campaign === "new") return <NewCampaign />;
  if (campaign !== null) return <CampaignDetail key={campaign} id={campaign} />;
  return <CampaignList />;
}
