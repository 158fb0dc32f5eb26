//! The open-data package: CSV/JSON resources with Table Schemas (Frictionless), Excel-friendly
//! copies, and a DCAT catalog the provincial portal harvests.
