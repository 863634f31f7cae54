-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d),
-- as POSTGRES_USER (tandem): one database per service, each owned by tandem.
-- Every service owns its data; none reads another's database (see DESIGN.md).
CREATE DATABASE tandem_matching OWNER tandem;
CREATE DATABASE tandem_messaging OWNER tandem;
CREATE DATABASE tandem_meetings OWNER tandem;
CREATE DATABASE tandem_analytics OWNER tandem;
