import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const PAYLOAD = [
  "# Heading",
  "",
  "Some **bold** text and a [good link](https://example.com/a).",
  "",
  "<script>alert(1)</script>",
  "",
  '<img src="x" onerror="alert(1)">',
  "",
  "[x](javascript:alert(1)) and [y](JAVASCRIPT:alert(2)) and [z](data:text/html,<script>alert(3)</script>)",
  "",
  '<svg onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)">s</a></svg>',
  "",
  "![pic](javascript:alert(4))",
  "",
  "| a | b |",
  "| - | - |",
  "| 1 | 2 |",
].join("\n");

describe("Markdown", () => {
  it("renders markdown and GFM tables", () => {
    const { container } = render(<Markdown>{PAYLOAD}</Markdown>);
    expect(container.querySelector("h1")?.textContent).toBe("Heading");
    expect(container.querySelector("strong")?.textContent).toBe("bold");
    expect(container.querySelector('a[href="https://example.com/a"]')?.textContent).toBe("good link");
    expect(container.querySelectorAll("table td")).toHaveLength(2);
  });

  it("renders no script, event handler, SVG or javascript: URL", () => {
    const { container } = render(<Markdown>{PAYLOAD}</Markdown>);
    expect(container.querySelector("script")).toBeNull();
    expect(container.querySelector("svg")).toBeNull();
    expect(container.querySelector("img[onerror]")).toBeNull();
    const html = container.innerHTML.toLowerCase();
    expect(html).not.toMatch(/\son[a-z]+=/);
    expect(html).not.toContain("<script");
    for (const el of Array.from(container.querySelectorAll("[href], [src], [xlink\\:href]"))) {
      for (const attr of ["href", "src", "xlink:href"]) {
        const value = el.getAttribute(attr) ?? "";
        expect(value.toLowerCase()).not.toMatch(/^\s*(javascript|data|vbscript):/);
      }
    }
  });
});
