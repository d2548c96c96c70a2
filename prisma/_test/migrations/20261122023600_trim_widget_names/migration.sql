-- Hand-written (not expressible in schema.prisma). The dollar-quoted body contains semicolons:
-- it checks that a migration script reaches PostgreSQL as one script, not split on ";".
CREATE FUNCTION "trim_widget_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."name" := btrim(NEW."name");
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Widget_trim_name" BEFORE INSERT OR UPDATE ON "Widget"
  FOR EACH ROW EXECUTE FUNCTION "trim_widget_name"();
