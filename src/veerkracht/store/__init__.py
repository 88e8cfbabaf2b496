"""The data folder: the store file, its lock and seal, drafts, backups, encryption,
settings and where things live. Imports the core's record kinds, never a feature."""
