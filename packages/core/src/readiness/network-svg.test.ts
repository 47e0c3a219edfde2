import { describe, expect, it } from "vitest";
import { NETWORK_LIMITS, type TNetworkDiagramDocument, ZNetworkDiagramDocument } from "./network-contracts";
import { renderNetworkDiagramSvg } from "./network-svg";

const doc: TNetworkDiagramDocument = {
  version: 1,
  nodes: [
    { id: "internet", type: "internet", label: "", deviceId: null, position: { x: 0, y: 0 } },
    {
      id: "vpn",
      type: "device",
      label: 'VPN <script>alert("x")</script> & co',
      deviceId: null,
      position: { x: 0, y: 120 },
    },
    { id: "lan", type: "segment", label: "社内LAN", deviceId: null, position: { x: 220, y: 240 } },
  ],
  edges: [
    { id: "e1", source: "internet", target: "vpn", label: "WAN" },
    { id: "e2", source: "vpn", target: "lan", label: "" },
  ],
};

describe("network diagram document", () => {
  it("rejects links to unknown nodes, duplicate ids and oversized diagrams", () => {
    const bad = { ...doc, edges: [{ id: "e1", source: "internet", target: "nowhere", label: "" }] };
    const r = ZNetworkDiagramDocument.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["edges", 0, "target"]);
    expect(ZNetworkDiagramDocument.safeParse({ ...doc, nodes: [...doc.nodes, doc.nodes[0]] }).success).toBe(
      false,
    );
    const many = Array.from({ length: NETWORK_LIMITS.nodes + 1 }, (_, i) => ({
      id: `n${i}`,
      type: "other",
      label: "",
      position: { x: i, y: 0 },
    }));
    expect(ZNetworkDiagramDocument.safeParse({ version: 1, nodes: many, edges: [] }).success).toBe(false);
  });
});

describe("renderNetworkDiagramSvg", () => {
  it("is deterministic and escapes labels", () => {
    const svg = renderNetworkDiagramSvg(doc);
    expect(renderNetworkDiagramSvg(structuredClone(doc))).toBe(svg);
    expect(svg).not.toContain("<script");
    expect(svg).toContain("VPN &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; co");
    expect(svg).toContain("社内LAN");
    expect(svg.match(/<line /g)).toHaveLength(2);
    expect(svg.match(/<g data-node-type=/g)).toHaveLength(3);
  });

  it("sizes the canvas to the nodes, shifting negative positions into view", () => {
    const moved = {
      ...doc,
      nodes: doc.nodes.map((n) => ({ ...n, position: { x: n.position.x - 500, y: n.position.y - 500 } })),
    };
    const svg = renderNetworkDiagramSvg(moved);
    expect(svg).toMatch(/width="436" height="368"/);
    expect(svg).not.toMatch(/x="-/);
  });

  it("renders an empty diagram as a valid small SVG", () => {
    expect(renderNetworkDiagramSvg({ version: 1, nodes: [], edges: [] })).toMatch(
      /^<svg[^>]+>[\s\S]*<\/svg>\n$/,
    );
  });
});
