-- When the member's latest introduction outcome was recorded: outcomes are handled in parallel with the members'
-- own events, so the latest is chosen by this time rather than by the order of handling.
ALTER TABLE analytics_member ADD COLUMN introduction_outcome_at TIMESTAMPTZ;
