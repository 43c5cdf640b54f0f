export { ProjectLoading as default } from "@/features/projects/project-loading";
