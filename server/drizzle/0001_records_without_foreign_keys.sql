ALTER TABLE "mutations" DROP CONSTRAINT "mutations_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "mutations" DROP CONSTRAINT "mutations_agent_id_agents_id_fk";
--> statement-breakpoint
ALTER TABLE "records" DROP CONSTRAINT "records_workspace_id_workspaces_id_fk";
--> statement-breakpoint
-- What ON DELETE CASCADE did for the keys dropped above, without a check on every insert.
CREATE FUNCTION "replyline_delete_workspace_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM "records" WHERE "workspace_id" = OLD."id";
	DELETE FROM "mutations" WHERE "workspace_id" = OLD."id";
	RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "workspaces_delete_rows" AFTER DELETE ON "workspaces" FOR EACH ROW EXECUTE FUNCTION "replyline_delete_workspace_rows"();
--> statement-breakpoint
CREATE FUNCTION "replyline_delete_agent_mutations"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM "mutations" WHERE "agent_id" = OLD."id";
	RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "agents_delete_mutations" AFTER DELETE ON "agents" FOR EACH ROW EXECUTE FUNCTION "replyline_delete_agent_mutations"();
