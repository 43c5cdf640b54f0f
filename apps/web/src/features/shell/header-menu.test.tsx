import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { HeaderMenu } from "./header-menu";

let pathname = "/projects";
vi.mock("next/navigation", () => ({ usePathname: () => pathname }));

beforeEach(() => {
  pathname = "/projects";
});

function renderMenu(locale: "en" | "ja" = "en") {
  return renderWithProviders(
    <HeaderMenu brand={<a href="/projects">Lodestone</a>}>
      <nav aria-label="Main">
        <a href="/dashboard">Dashboard</a>
        <button type="button">Sign out</button>
      </nav>
    </HeaderMenu>,
    { locale },
  );
}

/** Whether the menu's content is shown (jsdom has no stylesheet: read the state the CSS keys on). */
function panelOpen(button: HTMLElement): boolean {
  return document.getElementById(button.getAttribute("aria-controls")!)!.hasAttribute("data-open");
}

describe("HeaderMenu", () => {
  it("is a button that says whether the menu is open and opens it from the keyboard", async () => {
    const user = userEvent.setup();
    renderMenu();
    const button = screen.getByRole("button", { name: "Menu" });
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(panelOpen(button)).toBe(false);
    button.focus();
    await user.keyboard("{Enter}");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(panelOpen(button)).toBe(true);
    await user.keyboard(" ");
    expect(button.getAttribute("aria-expanded")).toBe("false");
  });

  it("closes on Escape from inside the menu and puts focus back on its button", async () => {
    const user = userEvent.setup();
    renderMenu();
    const button = screen.getByRole("button", { name: "Menu" });
    await user.click(button);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("link", { name: "Dashboard" }));
    await user.keyboard("{Escape}");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    expect(panelOpen(button)).toBe(false);
    expect(document.activeElement).toBe(button);
  });

  it("closes when a link in it is followed and when the page changes", async () => {
    const user = userEvent.setup();
    const { rerender } = renderMenu();
    const button = screen.getByRole("button", { name: "Menu" });
    await user.click(button);
    screen.getByRole("link", { name: "Dashboard" }).addEventListener("click", (e) => e.preventDefault());
    await user.click(screen.getByRole("link", { name: "Dashboard" }));
    expect(button.getAttribute("aria-expanded")).toBe("false");

    await user.click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    pathname = "/dashboard";
    rerender(
      <HeaderMenu brand={<a href="/projects">Lodestone</a>}>
        <nav aria-label="Main" />
      </HeaderMenu>,
    );
    expect(screen.getByRole("button", { name: "Menu" }).getAttribute("aria-expanded")).toBe("false");
  });

  it("is named in Japanese on a Japanese page", () => {
    renderMenu("ja");
    expect(screen.getByRole("button", { name: "メニュー" }).getAttribute("aria-expanded")).toBe("false");
  });
});
