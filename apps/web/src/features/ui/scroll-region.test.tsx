import { act, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { ScrollRegion } from "./scroll-region";

// jsdom lays nothing out: each box reports the widths a test gives it, and resizing is announced
// by hand through the ResizeObserver the component made.
let widths: { scroll: number; client: number };
let resize: () => void = () => {};

beforeEach(() => {
  widths = { scroll: 900, client: 340 };
  vi.spyOn(HTMLElement.prototype, "scrollWidth", "get").mockImplementation(() => widths.scroll);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockImplementation(() => widths.client);
  vi.stubGlobal(
    "ResizeObserver",
    class {
      constructor(callback: () => void) {
        resize = callback;
      }
      observe() {}
      disconnect() {}
    },
  );
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function table() {
  return (
    <table>
      <caption>Votes by delegation</caption>
      <tbody>
        <tr>
          <td>1</td>
        </tr>
      </tbody>
    </table>
  );
}

describe("ScrollRegion", () => {
  it("is a named region in the Tab order while its content is wider than it", () => {
    renderWithProviders(<ScrollRegion name="Votes by delegation">{table()}</ScrollRegion>);
    const region = screen.getByRole("region", { name: "Votes by delegation (scrolls sideways)" });
    expect(region.tabIndex).toBe(0);
  });

  it("is a plain box, not a Tab stop, once everything fits, and a region again when it does not", () => {
    renderWithProviders(<ScrollRegion name="Votes by delegation">{table()}</ScrollRegion>);
    act(() => {
      widths = { scroll: 600, client: 600 };
      resize();
    });
    expect(screen.queryByRole("region")).toBeNull();
    const box = screen.getByRole("table").parentElement!;
    expect(box.hasAttribute("tabindex")).toBe(false);

    act(() => {
      widths = { scroll: 900, client: 340 };
      resize();
    });
    expect(screen.getByRole("region").getAttribute("tabindex")).toBe("0");
  });

  it("is named in Japanese on a Japanese page", () => {
    renderWithProviders(<ScrollRegion name="代表団別の票">{table()}</ScrollRegion>, { locale: "ja" });
    expect(screen.getByRole("region", { name: "代表団別の票（横にスクロールできます）" })).toBeTruthy();
  });

  it("kept for screen readers only, it is neither a region nor a Tab stop", () => {
    renderWithProviders(
      <ScrollRegion name="Milestones" visuallyHidden>
        {table()}
      </ScrollRegion>,
    );
    expect(screen.queryByRole("region")).toBeNull();
    expect(screen.getByRole("table").parentElement!.className).toContain("sr-only");
  });
});
