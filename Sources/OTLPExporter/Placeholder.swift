// Placeholder: OTLPExporter is built in a later change.
