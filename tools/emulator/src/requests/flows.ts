// Checks for Architect bodies: an export job (Registerarchitectexportjob, Exportdetails, Architectflowreference).
import { arrayOf, body, objectOf, string } from '../check.ts';

interface FlowReference {
  id?: string;
  name?: string;
  type?: string;
  version?: string;
}

interface ExportDetails {
  flow?: FlowReference;
  fileName?: string;
  exportType?: string;
}

const flowReference = objectOf<FlowReference>({ id: string, name: string, type: string, version: string });

export const flowExportRequest = body<{ flows?: ExportDetails[] }>({
  flows: arrayOf(objectOf<ExportDetails>({ flow: flowReference, fileName: string, exportType: string })),
});
