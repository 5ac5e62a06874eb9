-- The hosts a platform's services (Names and Roles, Assignment and Grade Services) may be on
-- besides the hosts of its registered URLs: service URLs come from launch claims, and PeerLoop sends
-- the platform's access tokens there. Canvas, for one, serves them on each institution's domain
-- while its issuer and endpoints are on its own; IT lists such hosts, separated by spaces.
ALTER TABLE platform ADD COLUMN service_hosts VARCHAR(1000);
