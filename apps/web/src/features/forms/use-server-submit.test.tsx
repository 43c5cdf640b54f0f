import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TRPCClientError } from "@trpc/client";
import { useForm } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";
import { useServerSubmit, type ServerSubmitOptions } from "./use-server-submit";

interface Values {
  code: string;
  name: string;
  site: { country: string };
}

/** A tRPC error as the API sends it. */
function apiError(code: string, message: string, fieldErrors: Record<string, string[]> | null = null) {
  return new TRPCClientError(message, {
    result: {
      error: { message, code: -32600, data: { code, httpStatus: 400, fieldErrors, formErrors: null } },
    },
  });
}

function TestForm({
  save,
  options,
}: {
  save: (values: Values) => Promise<void>;
  options: ServerSubmitOptions<Values>;
}) {
  const form = useForm<Values>({ defaultValues: { code: "", name: "", site: { country: "" } } });
  const { problem, onSubmit } = useServerSubmit(form, save, options);
  const { errors } = form.formState;
  const shown = (error: { type?: string; message?: string } | undefined) =>
    error ? `${error.type}${error.message ? `:${error.message}` : ""}` : "";
  return (
    <form noValidate onSubmit={onSubmit}>
      <label>
        Code
        <input {...form.register("code")} />
      </label>
      <p data-testid="code-error">{shown(errors.code)}</p>
      <label>
        Name
        <input {...form.register("name")} />
      </label>
      <p data-testid="name-error">{shown(errors.name)}</p>
      <label>
        Country
        <input {...form.register("site.country")} />
      </label>
      <p data-testid="country-error">{shown(errors.site?.country)}</p>
      {problem ? <p role="alert">{`${problem.code}: ${problem.message}`}</p> : null}
      <button type="submit">Send</button>
    </form>
  );
}

function setup(save: (values: Values) => Promise<void>, options: ServerSubmitOptions<Values>) {
  const user = userEvent.setup();
  render(<TestForm save={save} options={options} />);
  return { user, send: () => user.click(screen.getByRole("button", { name: "Send" })) };
}

describe("useServerSubmit", () => {
  it("sends the form's values, and shows no problem when saved", async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const { user, send } = setup(save, { fields: ["code", "name"] });
    await user.type(screen.getByLabelText("Code"), "US");
    await send();
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0]?.[0]).toMatchObject({ code: "US" });
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("marks the fields the server names, focusing the first, and shows no problem", async () => {
    const save = vi
      .fn()
      .mockRejectedValue(apiError("BAD_REQUEST", "Invalid input", { name: ["Too short"], code: ["Bad"] }));
    const { send } = setup(save, { fields: ["code", "name"] });
    await send();
    await waitFor(() => expect(screen.getByTestId("code-error").textContent).toBe("server"));
    expect(screen.getByTestId("name-error").textContent).toBe("server");
    expect(document.activeElement).toBe(screen.getByLabelText("Code"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("keeps a refusal it cannot place as the problem, and clears it on the next attempt", async () => {
    let answer: Promise<void> = Promise.reject(apiError("FORBIDDEN", "Not yours."));
    answer.catch(() => undefined);
    const save = vi.fn(() => answer);
    const { send } = setup(save, { fields: ["code", "name"] });
    await send();
    expect((await screen.findByRole("alert")).textContent).toBe("FORBIDDEN: Not yours.");
    // Field errors for a field the form does not list are not placed either.
    answer = Promise.reject(apiError("BAD_REQUEST", "Invalid input", { other: ["x"] }));
    answer.catch(() => undefined);
    await send();
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("BAD_REQUEST: Invalid input"));
    answer = Promise.resolve();
    await send();
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(save).toHaveBeenCalledTimes(3);
  });

  it("shows an unreachable API as the problem", async () => {
    const { send } = setup(vi.fn().mockRejectedValue(new TypeError("Failed to fetch")), {
      fields: ["code"],
    });
    await send();
    expect((await screen.findByRole("alert")).textContent).toBe("null: Failed to fetch");
  });

  it("with conflictOn, marks a conflict as that field's value being taken", async () => {
    const save = vi.fn().mockRejectedValue(apiError("CONFLICT", "Code US is used."));
    const { send } = setup(save, { fields: ["code", "name"], conflictOn: "code" });
    await send();
    await waitFor(() => expect(screen.getByTestId("code-error").textContent).toBe("taken"));
    expect(document.activeElement).toBe(screen.getByLabelText("Code"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("without conflictOn, shows a conflict as the problem", async () => {
    const save = vi.fn().mockRejectedValue(apiError("CONFLICT", "Changed meanwhile."));
    const { send } = setup(save, { fields: ["code", "name"] });
    await send();
    expect((await screen.findByRole("alert")).textContent).toBe("CONFLICT: Changed meanwhile.");
    expect(screen.getByTestId("code-error").textContent).toBe("");
  });

  it("shows a server field on another field, with the message asked for", async () => {
    const save = vi.fn().mockRejectedValue(apiError("BAD_REQUEST", "Invalid input", { site: ["Bad site"] }));
    const { send } = setup(save, {
      fields: ["code", "site"],
      shownOn: { site: "site.country" },
      message: "invalid",
    });
    await send();
    await waitFor(() => expect(screen.getByTestId("country-error").textContent).toBe("server:invalid"));
    expect(document.activeElement).toBe(screen.getByLabelText("Country"));
  });

  it("with focus false, marks fields without moving focus", async () => {
    const save = vi.fn().mockRejectedValue(apiError("BAD_REQUEST", "Invalid input", { name: ["Too short"] }));
    const { send } = setup(save, { fields: ["code", "name"], focus: false });
    await send();
    await waitFor(() => expect(screen.getByTestId("name-error").textContent).toBe("server"));
    expect(document.activeElement).not.toBe(screen.getByLabelText("Name"));
  });

  it("ignores a submit while one is being sent", async () => {
    let finish: () => void = () => undefined;
    const save = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    const { send } = setup(save, { fields: ["code"] });
    await send();
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    await send();
    expect(save).toHaveBeenCalledTimes(1);
    finish();
    await send();
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
  });
});
