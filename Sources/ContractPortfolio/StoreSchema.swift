import GRDB

/// The store's schema, as a list of migrations applied in order. A migration, once
/// released, never changes: a new need is a new migration at the end ("v2", ...).
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        return migrator
    }

    /// v1: vendors, contracts (one per path) and their versions (one per content),
    /// runs, reviews (one version under one tool, library, policy and reading options),
    /// findings, what each run did with each contract, and read failures worth remembering.
    static func v1(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE vendors (
                  id INTEGER PRIMARY KEY,
                  key TEXT NOT NULL UNIQUE,          -- VendorKey: lower-case words without legal suffix
                  name TEXT NOT NULL                 -- the name as the latest contract gives it
                );
                CREATE TABLE runs (
                  id INTEGER PRIMARY KEY,
                  started_at TEXT NOT NULL,
                  finished_at TEXT,
                  status TEXT NOT NULL,              -- running, complete, interrupted, failed
                  tool TEXT NOT NULL,
                  tool_version TEXT NOT NULL,
                  library_version TEXT NOT NULL,
                  library_hash TEXT NOT NULL,
                  policy_hash TEXT NOT NULL,
                  policy_sources TEXT NOT NULL,      -- JSON array of file names
                  options_hash TEXT NOT NULL,        -- reading options (limits, password) that change results
                  columns TEXT NOT NULL,             -- JSON: the provisions reviewed, in library order
                  inputs TEXT NOT NULL,              -- JSON array: the folders and files named
                  out_dir TEXT NOT NULL,
                  jobs INTEGER NOT NULL,
                  files INTEGER NOT NULL DEFAULT 0,
                  reviewed INTEGER NOT NULL DEFAULT 0,
                  cached INTEGER NOT NULL DEFAULT 0,
                  failed INTEGER NOT NULL DEFAULT 0,
                  not_contracts INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE contracts (
                  id INTEGER PRIMARY KEY,
                  path TEXT NOT NULL UNIQUE,         -- absolute
                  display_path TEXT NOT NULL,        -- as the user named it
                  sha256 TEXT,                       -- of the latest content seen
                  vendor_id INTEGER REFERENCES vendors(id),
                  format TEXT,
                  pages INTEGER,
                  first_seen TEXT NOT NULL,
                  last_seen TEXT NOT NULL,
                  first_run INTEGER NOT NULL REFERENCES runs(id),
                  last_run INTEGER NOT NULL REFERENCES runs(id)
                );
                CREATE INDEX contracts_vendor ON contracts(vendor_id);
                CREATE TABLE contract_versions (
                  id INTEGER PRIMARY KEY,
                  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
                  sha256 TEXT NOT NULL,
                  vendor_id INTEGER REFERENCES vendors(id),
                  format TEXT,
                  pages INTEGER,
                  byte_count INTEGER,
                  first_seen TEXT NOT NULL,
                  last_seen TEXT NOT NULL,
                  first_run INTEGER NOT NULL REFERENCES runs(id),
                  last_run INTEGER NOT NULL REFERENCES runs(id),
                  UNIQUE (contract_id, sha256)
                );
                CREATE INDEX versions_vendor ON contract_versions(vendor_id);
                CREATE TABLE reviews (
                  id INTEGER PRIMARY KEY,
                  version_id INTEGER NOT NULL REFERENCES contract_versions(id) ON DELETE CASCADE,
                  run_id INTEGER NOT NULL REFERENCES runs(id),
                  tool_version TEXT NOT NULL,
                  library_hash TEXT NOT NULL,
                  policy_hash TEXT NOT NULL,
                  options_hash TEXT NOT NULL,
                  display_path TEXT NOT NULL,        -- the path the report cites
                  report_name TEXT NOT NULL,         -- reports/NAME.*
                  vendor_name TEXT NOT NULL,
                  met INTEGER NOT NULL, partial INTEGER NOT NULL, conflict INTEGER NOT NULL, missing INTEGER NOT NULL,
                  milliseconds INTEGER
                );
                CREATE INDEX reviews_key ON reviews(library_hash, policy_hash, tool_version, options_hash);
                CREATE INDEX reviews_version ON reviews(version_id);
                CREATE TABLE findings (
                  review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
                  position INTEGER NOT NULL,         -- library order
                  provision TEXT NOT NULL,
                  title TEXT NOT NULL,
                  severity TEXT NOT NULL,
                  status TEXT NOT NULL,              -- met, partial, conflict, missing
                  clauses TEXT NOT NULL,             -- deciding clauses, one per line
                  parameters TEXT NOT NULL,          -- JSON object
                  reason TEXT NOT NULL,
                  evidence TEXT NOT NULL,            -- JSON array of {clause, page, text, role}
                  rules TEXT NOT NULL,               -- JSON array
                  PRIMARY KEY (review_id, provision)
                ) WITHOUT ROWID;
                CREATE INDEX findings_status ON findings(provision, status);
                CREATE TABLE run_contracts (
                  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
                  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
                  version_id INTEGER REFERENCES contract_versions(id),
                  review_id INTEGER REFERENCES reviews(id),
                  display_path TEXT NOT NULL,
                  outcome TEXT NOT NULL,             -- reviewed, cached, failed
                  failure_code TEXT,
                  failure_message TEXT,
                  milliseconds INTEGER,
                  PRIMARY KEY (run_id, contract_id)
                ) WITHOUT ROWID;
                CREATE INDEX run_contracts_review ON run_contracts(review_id);
                CREATE TABLE read_failures (
                  version_id INTEGER NOT NULL REFERENCES contract_versions(id) ON DELETE CASCADE,
                  tool_version TEXT NOT NULL,
                  options_hash TEXT NOT NULL,
                  code TEXT NOT NULL,
                  message TEXT NOT NULL,
                  PRIMARY KEY (version_id, tool_version, options_hash)
                ) WITHOUT ROWID;
                """)
    }
}
