"""Event grouping: what an event is called."""

from __future__ import annotations

from conftest import text_document

from factcheck.embed import DEFAULT_MODEL, get_embedder


def test_an_event_label_is_the_story_never_a_web_address() -> None:
    from factcheck.events import group_events

    embedder = get_embedder(DEFAULT_MODEL)
    documents = [text_document("Lindsay Lohan checked into the Betty Ford Center on Thursday, her lawyer said.", "en",
                               "a"),
                 text_document("Lohan checked into Betty Ford on Thursday, according to her lawyer.", "en", "b")]
    for document in documents:
        document.title = "http://blog.example.com/2013/05/lohan-checks-in.html"
    vectors = {d.id: embedder.encode([s.text for s in d.sentences]) for d in documents}
    events = group_events(documents, vectors)
    assert len(events) == 1
    assert "http" not in events[0].label and "example.com" not in events[0].label
    assert "Betty Ford" in events[0].label
