-- The trace page reads a 50,000-span trace a level and a page at a time. Finding roots (a span whose parent is missing
-- is a root too), counting children, paging siblings in start order, listing error spans and the trace's time window
-- all touch only these columns, so with this index they never read a span row with its large attribute JSON.
-- It starts with the columns of span_record_children, so it serves that index's queries as well and replaces it.
CREATE INDEX span_record_tree ON span_record (trace_id, parent_span_id, start_ns, span_id, end_ns, has_error);
DROP INDEX span_record_children;
