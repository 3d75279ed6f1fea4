-- Sessions are checked against the user and the company on every request, and API processes keep
-- that state in memory. A change that can end or narrow a session (status, role, company, company
-- admin flag, password) tells every process at commit, on the channel portal_sessions, whichever
-- code or tool made it. Payloads: 'user:<id>' and 'company:<id>'.

CREATE FUNCTION "portal_notify_user_session"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('portal_sessions', 'user:' || OLD."id");
    RETURN OLD;
  END IF;
  IF NEW."status" IS DISTINCT FROM OLD."status"
     OR NEW."role" IS DISTINCT FROM OLD."role"
     OR NEW."companyId" IS DISTINCT FROM OLD."companyId"
     OR NEW."isCompanyAdmin" IS DISTINCT FROM OLD."isCompanyAdmin"
     OR NEW."passwordChangedAt" IS DISTINCT FROM OLD."passwordChangedAt" THEN
    PERFORM pg_notify('portal_sessions', 'user:' || NEW."id");
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "User_session_notify"
  AFTER UPDATE OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "portal_notify_user_session"();

CREATE FUNCTION "portal_notify_company_session"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('portal_sessions', 'company:' || OLD."id");
    RETURN OLD;
  END IF;
  IF NEW."status" IS DISTINCT FROM OLD."status" THEN
    PERFORM pg_notify('portal_sessions', 'company:' || NEW."id");
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Company_session_notify"
  AFTER UPDATE OR DELETE ON "Company"
  FOR EACH ROW EXECUTE FUNCTION "portal_notify_company_session"();
