"""Stories stage: the articles of every outlet that report the same event, assigned online and incrementally.

Records in, records out: everything here reads the store, never a spaCy object (see `assign` for the method).
"""
from __future__ import annotations

from newsgraph.stories.assign import DEFAULT, Settings, StoryHook, assign, unassign
from newsgraph.stories.queries import (current_story_id, list_stories, rebuild, story_articles, story_detail,
                                       story_events, story_of)

__all__ = ["DEFAULT", "Settings", "StoryHook", "assign", "current_story_id", "list_stories", "rebuild", "story_articles",
           "story_detail", "story_events", "story_of", "unassign"]
