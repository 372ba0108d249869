-- Which deployment (node) runs a job, and when that node last showed the job was alive. A starting
-- node fails only unfinished jobs nobody has kept alive for a while (a crashed node's), not the
-- running jobs of the other nodes sharing the database. Jobs recorded before have neither: they
-- count as abandoned.
ALTER TABLE jobs ADD COLUMN node_id VARCHAR(36);
ALTER TABLE jobs ADD COLUMN heartbeat_at BIGINT;
