import {
  ClassifyDocumentInput,
  CreateFolderInput,
  DocumentIdInput,
  EditDocumentInput,
  ListDocumentsInput,
} from "@lodestone/domain/documents";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { folderOrganiserProcedure, scanReaderProcedure, signedInProcedure } from "../../trpc.js";
import * as documents from "./service.js";

const ProjectInput = z.object({ projectId: z.uuid() }).strict();
const AccessListInput = z.object({ documentId: z.uuid(), cursor: z.uuid().nullish() }).strict();

export const documentsRouter = {
  folders: signedInProcedure
    .input(ProjectInput)
    .query(({ ctx, input }) => documents.folders({ ctx, input }, ctx.documents.maxBytes)),
  createFolder: folderOrganiserProcedure
    .input(CreateFolderInput)
    .mutation(({ ctx, input }) => documents.createFolder({ ctx, input })),
  list: signedInProcedure
    .input(ListDocumentsInput)
    .query(({ ctx, input }) => documents.listDocuments({ ctx, input })),
  /** One document and its versions (the view is audited). */
  get: signedInProcedure
    .input(DocumentIdInput)
    .query(({ ctx, input }) => documents.getDocument({ ctx, input })),
  classify: signedInProcedure
    .input(ClassifyDocumentInput)
    .mutation(({ ctx, input }) => documents.classifyDocument({ ctx, input })),
  edit: signedInProcedure
    .input(EditDocumentInput)
    .mutation(({ ctx, input }) => documents.editDocument({ ctx, input })),
  accessList: signedInProcedure
    .input(AccessListInput)
    .query(({ ctx, input }) => documents.accessList({ ctx, input })),
  changes: signedInProcedure.input(ProjectInput).query(({ ctx, input }) => documents.changes({ ctx, input })),
  export: signedInProcedure
    .input(ProjectInput)
    .query(({ ctx, input }) => documents.exportIndex({ ctx, input })),
  evidenceChoices: signedInProcedure
    .input(ProjectInput)
    .query(({ ctx, input }) => documents.evidenceChoices({ ctx, input })),
  scanStatus: scanReaderProcedure.query(({ ctx }) => documents.scanStatus({ ctx, input: undefined })),
} satisfies TRPCRouterRecord;
