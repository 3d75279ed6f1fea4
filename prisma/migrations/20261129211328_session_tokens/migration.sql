-- Access tokens belong to a session: the refresh tokens of one sign-in share a sessionId, which
-- rotation keeps and access tokens carry (claim sid). A token issued before this migration is its
-- own session.
ALTER TABLE "RefreshToken" ADD COLUMN     "sessionId" UUID;
UPDATE "RefreshToken" SET "sessionId" = "id";
ALTER TABLE "RefreshToken" ALTER COLUMN "sessionId" SET NOT NULL;
-- Why a token was revoked: only a token exchanged for its successor (ROTATED) is a replay when it
-- comes back; one revoked by a logout or a password change just finds its session ended.
ALTER TABLE "RefreshToken" ADD COLUMN     "revokedReason" TEXT;

-- CreateIndex
CREATE INDEX "RefreshToken_sessionId_idx" ON "RefreshToken"("sessionId");

-- A session starts or ends when a refresh token is created, revoked or deleted: tell every API
-- process (channel portal_sessions, as for User and Company), so that the access tokens of an
-- ended session stop working at once everywhere.
CREATE FUNCTION "portal_notify_refresh_token_session"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('portal_sessions', 'user:' || OLD."userId");
    RETURN OLD;
  END IF;
  IF TG_OP = 'INSERT' OR NEW."revokedAt" IS DISTINCT FROM OLD."revokedAt" THEN
    PERFORM pg_notify('portal_sessions', 'user:' || NEW."userId");
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "RefreshToken_session_notify"
  AFTER INSERT OR UPDATE OR DELETE ON "RefreshToken"
  FOR EACH ROW EXECUTE FUNCTION "portal_notify_refresh_token_session"();
