// Hash routes (`#/library`, `#/code/42`, `#/print?source=csv`, `#/styles`, `#/designs`, `#/history`,
// `#/campaigns`, `#/campaigns/new`, `#/campaigns/3`): the window has one page, and the end-to-end
// suite and screenshots can open any screen directly.

export type Route =
  | { screen: "welcome" }
  | { screen: "library" }
  | { screen: "code"; id: number }
  | { screen: "print"; source: "selection" | "search" | "csv" | null }
  | { screen: "styles" }
  | { screen: "designs" }
  | { screen: "history" }
  /** The list (`null`), the New campaign form (`"new"`) or one campaign by id. */
  | { screen: "campaigns"; campaign: number | "new" | null }
  | { screen: "accounts"; add: boolean }
  | { screen: "sync" };

export function parseRoute(hash: string): Route | null {
  const h = hash.replace(/^#\/?/, "");
  const [path = "", queryString = ""] = h.split("?");
  const params = new URLSearchParams(queryString);
  const parts = path.split("/").filter((p) => p !== "");
  switch (parts[0]) {
    case "welcome":
      return { screen: "welcome" };
    case "library":
      return { screen: "library" };
    case "code": {
      const id = Number(parts[1]);
      return Number.isInteger(id) && id > 0 ? { screen: "code", id } : { screen: "library" };
    }
    case "print": {
      const s = params.get("source");
      return { screen: "print", source: s === "selection" || s === "search" || s === "csv" ? s : null };
    }
    case "styles":
      return { screen: "styles" };
    case "designs":
      return { screen: "designs" };
    case "history":
      return { screen: "history" };
    case "campaigns": {
      if (parts[1] === "new") return { screen: "campaigns", campaign: "new" };
      const id = Number(parts[1]);
      return { screen: "campaigns", campaign: parts[1] !== undefined && Number.isInteger(id) && id > 0 ? id : null };
    }
    case "accounts":
      return { screen: "accounts", add: parts[1] === "add" };
    case "sync":
      return { screen: "sync" };
    default:
      return null;
  }
}

export function routeHash(route: Route): string {
  switch (route.screen) {
    case "code":
      return `#/code/${route.id}`;
    case "print":
      return route.source ? `#/print?source=${route.source}` : "#/print";
    case "accounts":
      return route.add ? "#/accounts/add" : "#/accounts";
    case "campaigns":
      return route.campaign === null ? "#/campaigns" : `#/campaigns/${route.campaign}`;
    default:
      return `#/${route.screen}`;
  }
}
