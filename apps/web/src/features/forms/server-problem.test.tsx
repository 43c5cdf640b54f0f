import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "@/test/render";
import type { ApiProblem } from "./api-problem";
import { ServerProblem } from "./server-problem";

const problem = (code: ApiProblem["code"]): ApiProblem => ({
  code,
  message: "From the server.",
  fieldErrors: null,
});

describe("ServerProblem", () => {
  it("words the reasons its catalogue section has, and always the server's details", () => {
    renderWithProviders(<ServerProblem title="Saving failed" problem={problem("INTERNAL_SERVER_ERROR")} />);
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Saving failed");
    expect(alert.textContent).toContain("Something went wrong on our side. Try again.");
    expect(alert.textContent).toContain("Details: From the server.");
  });

  it("in the delivery forms, words a conflict, and shows only the details of an internal error", () => {
    const { unmount } = renderWithProviders(
      <ServerProblem title="Not saved" problem={problem("CONFLICT")} messages="delivery.problem" />,
    );
    expect(screen.getByRole("alert").textContent).toContain("Someone else changed this after you opened it.");
    unmount();
    renderWithProviders(
      <ServerProblem
        title="Not saved"
        problem={problem("INTERNAL_SERVER_ERROR")}
        messages="delivery.problem"
      />,
    );
    expect(screen.getByRole("alert").textContent).toBe("Not savedDetails: From the server.");
  });

  it("says the service is unreachable when there was no answer, in Japanese too", () => {
    renderWithProviders(<ServerProblem title="失敗" problem={problem(null)} />, { locale: "ja" });
    expect(screen.getByRole("alert").textContent).toContain("現在 Lodestone のサービスに接続できません。");
  });
});
