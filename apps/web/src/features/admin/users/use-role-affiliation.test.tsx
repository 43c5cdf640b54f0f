import { act, renderHook } from "@testing-library/react";
import { useForm } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { useRoleAffiliation, type RoleAffiliationValues } from "./use-role-affiliation";

function setup(initial: RoleAffiliationValues & { name: string }) {
  return renderHook(() => {
    const form = useForm<RoleAffiliationValues & { name: string }>({ defaultValues: initial });
    return { form, role: useRoleAffiliation(form) };
  });
}

describe("useRoleAffiliation", () => {
  it("keeps the affiliation the form starts with", () => {
    const { result } = setup({ name: "A", role: "DELEGATE", delegation: "US", organisationId: null });
    expect(result.current.role).toBe("DELEGATE");
    expect(result.current.form.getValues()).toEqual({
      name: "A",
      role: "DELEGATE",
      delegation: "US",
      organisationId: null,
    });
  });

  it("empties the affiliation a new role does not hold, and clears what was said about either", async () => {
    const { result } = setup({ name: "A", role: "DELEGATE", delegation: "US", organisationId: null });
    act(() => {
      result.current.form.setError("delegation", { type: "server" });
      result.current.form.setError("organisationId", { type: "server" });
      result.current.form.setValue("organisationId", "org-1");
    });
    await act(async () => result.current.form.setValue("role", "COORDINATOR"));
    expect(result.current.role).toBe("COORDINATOR");
    expect(result.current.form.getValues()).toMatchObject({
      delegation: null,
      organisationId: null,
      name: "A",
    });
    expect(result.current.form.formState.errors.delegation).toBeUndefined();
    expect(result.current.form.formState.errors.organisationId).toBeUndefined();
  });

  it("keeps the affiliation the new role holds", async () => {
    const { result } = setup({ name: "A", role: "COORDINATOR", delegation: null, organisationId: null });
    act(() => {
      result.current.form.setValue("delegation", "JP");
      result.current.form.setValue("organisationId", "org-1");
    });
    await act(async () => result.current.form.setValue("role", "PARTNER"));
    expect(result.current.form.getValues()).toMatchObject({ delegation: null, organisationId: "org-1" });
  });
});
