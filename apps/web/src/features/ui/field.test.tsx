import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { Field, FieldGroup } from "./field";

describe("Field", () => {
  it("labels its control and describes it by the hint and the error", () => {
    render(
      <Field id="f" label="Title" hint="As it will be listed." error="Use at most 200 characters." required>
        {(control) => <input type="text" {...control} />}
      </Field>,
    );
    const input = screen.getByLabelText("Title");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-required")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe("f-hint f-error");
    expect(document.getElementById("f-error")?.textContent).toBe("Use at most 200 characters.");
    expect(document.getElementById("f-hint")?.textContent).toBe("As it will be listed.");
  });

  it("leaves a valid, optional control unmarked", () => {
    render(
      <Field id="g" label="Region">
        {(control) => <input type="text" {...control} />}
      </Field>,
    );
    const input = screen.getByLabelText("Region");
    expect(input.hasAttribute("aria-invalid")).toBe(false);
    expect(input.hasAttribute("aria-required")).toBe(false);
    expect(input.hasAttribute("aria-describedby")).toBe(false);
  });
});

describe("FieldGroup", () => {
  it("describes the group by its error", () => {
    render(
      <FieldGroup id="s" legend="Sponsors" error="Check the sponsoring delegations.">
        <label>
          <input type="checkbox" /> Japan
        </label>
      </FieldGroup>,
    );
    const group = screen.getByRole("group", { name: "Sponsors" });
    expect(group.getAttribute("aria-describedby")).toBe("s-error");
  });
});
