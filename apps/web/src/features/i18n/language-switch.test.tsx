import { fireEvent, screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "@/test/render";
import { LanguageSwitch } from "./language-switch";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));
// The real server action needs a request; the component takes the persister as a prop.
vi.mock("./actions", () => ({ setLocale: vi.fn() }));

beforeEach(() => {
  refresh.mockReset();
});

describe("LanguageSwitch", () => {
  it("offers both languages, each in its own language, with the current one pressed", () => {
    renderWithProviders(<LanguageSwitch onSelect={vi.fn()} />, { locale: "en" });
    const group = screen.getByRole("group", { name: "Language" });
    const english = screen.getByRole("button", { name: "English" });
    const japanese = screen.getByRole("button", { name: "日本語" });
    expect(group.contains(english) && group.contains(japanese)).toBe(true);
    expect(english.getAttribute("aria-pressed")).toBe("true");
    expect(japanese.getAttribute("aria-pressed")).toBe("false");
    expect(japanese.getAttribute("lang")).toBe("ja");
  });

  it("persists the choice and refreshes the page", async () => {
    const onSelect = vi.fn().mockResolvedValue(undefined);
    renderWithProviders(<LanguageSwitch onSelect={onSelect} />, { locale: "en" });
    fireEvent.click(screen.getByRole("button", { name: "日本語" }));
    await waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
    expect(onSelect).toHaveBeenCalledWith("ja");
  });

  it("does nothing for the language already shown", () => {
    const onSelect = vi.fn().mockResolvedValue(undefined);
    renderWithProviders(<LanguageSwitch onSelect={onSelect} />, { locale: "ja" });
    expect(screen.getByRole("group", { name: "表示言語" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "日本語" }));
    expect(onSelect).not.toHaveBeenCalled();
    expect(refresh).not.toHaveBeenCalled();
  });

  it("is a pair of ordinary buttons, so the keyboard reaches and activates them", () => {
    renderWithProviders(<LanguageSwitch onSelect={vi.fn()} />, { locale: "en" });
    for (const button of screen.getAllByRole("button")) {
      expect(button.tagName).toBe("BUTTON");
      expect(button.getAttribute("type")).toBe("button");
      expect(button.hasAttribute("tabindex")).toBe(false);
    }
  });
});
