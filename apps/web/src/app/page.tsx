import { redirect } from "next/navigation";

/** The project list is the home page for now. */
export default function HomePage(): never {
  redirect("/projects");
}
