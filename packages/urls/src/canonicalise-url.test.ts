import { describe, expect, it } from "vitest";
import { canonicaliseUrl } from "./canonicalise-url";

function canonical(input: string | Uint8Array): string {
  const result = canonicaliseUrl(input);
  if (typeof result === "string") throw new Error(`${String(input)}: ${result}`);
  return result.canonical;
}

// Every Canonicalize("…") = "…" example of Google Safe Browsing v4 "URLs and Hashing", in the order given.
const SAFE_BROWSING_EXAMPLES: [string, string][] = [
  ["http://host/%25%32%35", "http://host/%25"],
  ["http://host/%25%32%35%25%32%35", "http://host/%25%25"],
  ["http://host/%2525252525252525", "http://host/%25"],
  ["http://host/asdf%25%32%35asd", "http://host/asdf%25asd"],
  ["http://host/%%%25%32%35asd%%", "http://host/%25%25%25asd%25%25"],
  ["http://www.google.com/", "http://www.google.com/"],
  [
    "http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/",
    "http://168.188.99.26/.secure/www.ebay.com/",
  ],
  [
    "http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/",
    "http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/",
  ],
  [
    "http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B",
    "http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+",
  ],
  ["http://3279880203/blah", "http://195.127.0.11/blah"],
  ["http://www.google.com/blah/..", "http://www.google.com/"],
  ["www.google.com/", "http://www.google.com/"],
  ["www.google.com", "http://www.google.com/"],
  ["http://www.evil.com/blah#frag", "http://www.evil.com/blah"],
  ["http://www.GOOgle.com/", "http://www.google.com/"],
  ["http://www.google.com.../", "http://www.google.com/"],
  ["http://www.google.com/foo\tbar\rbaz\n2", "http://www.google.com/foobarbaz2"],
  ["http://www.google.com/q?", "http://www.google.com/q?"],
  ["http://www.google.com/q?r?", "http://www.google.com/q?r?"],
  ["http://www.google.com/q?r?s", "http://www.google.com/q?r?s"],
  ["http://evil.com/foo#bar#baz", "http://evil.com/foo"],
  ["http://evil.com/foo;", "http://evil.com/foo;"],
  ["http://evil.com/foo?bar;", "http://evil.com/foo?bar;"],
  // "http://\x01\x80.com/" is given as bytes (see the byte test below); here its text spelling.
  ["http://notrailingslash.com", "http://notrailingslash.com/"],
  ["http://www.gotaport.com:1234/", "http://www.gotaport.com/"],
  ["  http://www.google.com/  ", "http://www.google.com/"],
  ["http:// leadingspace.com/", "http://%20leadingspace.com/"],
  ["http://%20leadingspace.com/", "http://%20leadingspace.com/"],
  ["%20leadingspace.com/", "http://%20leadingspace.com/"],
  ["https://www.securesite.com/", "https://www.securesite.com/"],
  ["http://host.com/ab%23cd", "http://host.com/ab%23cd"],
  ["http://host.com//twoslashes?more//slashes", "http://host.com/twoslashes?more//slashes"],
];

describe("canonicaliseUrl: Google Safe Browsing v4 examples", () => {
  it.each(SAFE_BROWSING_EXAMPLES)("Canonicalize(%j)", (input, expected) => {
    expect(canonical(input)).toBe(expected);
  });

  it('Canonicalize("http://\\x01\\x80.com/") = "http://%01%80.com/" (the spec\'s input is bytes)', () => {
    const bytes = Uint8Array.from([...Buffer.from("http://"), 0x01, 0x80, ...Buffer.from(".com/")]);
    expect(canonical(bytes)).toBe("http://%01%80.com/");
  });
});

describe("canonicaliseUrl: the rest of the rules", () => {
  it("reads IPv4 hosts in octal, hex and with fewer than four parts", () => {
    expect(canonical("http://0xc3.0177.0.11/")).toBe("http://195.127.0.11/");
    expect(canonical("http://0303.0177.0.013/")).toBe("http://195.127.0.11/");
    expect(canonical("http://195.8323083/")).toBe("http://195.127.0.11/");
    expect(canonical("http://195.127.11/")).toBe("http://195.127.0.11/");
    expect(canonical("http://0xC37F000B/")).toBe("http://195.127.0.11/");
    // Not addresses: out of range, too many parts, bad octal digit.
    expect(canonical("http://256.1.1.1/")).toBe("http://256.1.1.1/");
    expect(canonical("http://1.2.3.4.5/")).toBe("http://1.2.3.4.5/");
    expect(canonical("http://09.1.1.1/")).toBe("http://09.1.1.1/");
  });

  it("shortens IPv6 and turns IPv4-mapped and NAT64 addresses into IPv4", () => {
    expect(canonicaliseUrl("http://[2001:0DB8:0000::1]:8080/x")).toMatchObject({
      canonical: "http://[2001:db8::1]/x",
      ip: "2001:db8::1",
      port: "8080",
    });
    expect(canonical("http://[::ffff:1.2.3.4]/")).toBe("http://1.2.3.4/");
    expect(canonical("http://[64:ff9b::1.2.3.4]/")).toBe("http://1.2.3.4/");
  });

  it("converts IDN hosts to punycode and escapes UTF-8 in the path", () => {
    expect(canonical("http://例え.テスト/パス?q=値")).toBe(
      "http://xn--r8jz45g.xn--zckzah/%E3%83%91%E3%82%B9?q=%E5%80%A4",
    );
    expect(canonical("http://%E4%BE%8B%E3%81%88.jp/")).toBe("http://xn--r8jz45g.jp/");
  });

  it("drops userinfo and port but says they were there", () => {
    expect(canonicaliseUrl("https://user:pw@Bank.example:8443/login")).toMatchObject({
      canonical: "https://bank.example/login",
      hasUserinfo: true,
      port: "8443",
    });
  });

  it("keeps dot segments in the query and resolves them in the path", () => {
    expect(canonical("http://a.example/x/./y/../z?p=/./../")).toBe("http://a.example/x/z?p=/./../");
    expect(canonical("http://a.example/../../a")).toBe("http://a.example/a");
  });

  it("rejects an input without a host", () => {
    expect(canonicaliseUrl("http:///path")).toBe("no_host");
    expect(canonicaliseUrl("")).toBe("no_host");
  });
});
