/**
 * The sessions list's search engine (decision 041): every session as a document in Hibernate Search (Lucene in the data
 * directory by default, Elasticsearch/OpenSearch by setting), kept current after each commit that changes a session's
 * row. The list, its counts and its summary are answered here; the rows themselves are read from the database by key.
 */
@NullMarked
package io.sessionlens.session.search;

import org.jspecify.annotations.NullMarked;
