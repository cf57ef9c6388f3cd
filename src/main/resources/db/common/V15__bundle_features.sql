-- Issue 15: a bundle chooses which features of its remote MCP providers it offers besides tools:
-- the names of the offered ones, space separated, among resources, prompts and logging
-- (completions follow prompts and resources). Every existing bundle keeps offering all three.
ALTER TABLE bundles ADD COLUMN features TEXT NOT NULL DEFAULT 'resources prompts logging';
