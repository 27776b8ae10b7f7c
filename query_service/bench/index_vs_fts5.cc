// The claim index against SQLite FTS5 (in memory), on the same generated
// claims and the same queries, in one run. Prints load time, memory, and
// p50/p99 latency per query class for both, with the ratios.
//
//   bazel run -c opt //query_service/bench:index_vs_fts5 -- --claims=1000000
//
// Query classes: one word; two words (AND); a two-word phrase; a word with a
// speaker and a 90-day statement-date range; speaker facet counts for a word.
// Words are drawn from generated claims, so every query has matches.
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "query_service/bench/claim_generator.h"
#include "query_service/claim_index.h"
#include "query_service/segment.h"
#include "query_service/tokenizer.h"

ABSL_FLAG(int, claims, 1000000, "Claims to generate and load into both engines.");
ABSL_FLAG(int, queries, 300, "Queries per class.");
ABSL_FLAG(int, batch_documents, 64, "Documents per ingest batch for the claim index.");
ABSL_FLAG(int, page_size, 20, "Results per query (both engines; the facet class asks for 1).");
ABSL_FLAG(std::string, only, "", "Run only the query class with this name (e.g. \"two words\"); all when empty.");
ABSL_FLAG(int, slowest, 0, "Print this many of each class's slowest index queries (text, microseconds, matches).");
ABSL_FLAG(bool, exact_total, false,
          "Ask the index to count every match (SearchClaimsRequest.exact_total); by default a relevance "
          "search may stop counting past 1,000 matches, as FTS5's ORDER BY rank LIMIT never counts.");
ABSL_FLAG(bool, fts5, true,
          "Load SQLite FTS5 too and replay the queries on it; false prints the index's figures only (for "
          "profiling the index alone).");
ABSL_FLAG(std::string, query, "",
          "Instead of the query classes: after loading the index, run this one query --repeat times and print its "
          "latency percentiles (for profiling one query).");
ABSL_FLAG(int, repeat, 1000, "Runs of --query.");

namespace {

using Clock = std::chrono::steady_clock;

double ResidentMiB() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1 << 20);
}

struct Query {
  std::string text;       // for the claim index
  std::string match;      // FTS5 MATCH expression
  std::string speaker;    // speaker id ("" = none)
  int32_t from = 0, to = 0;  // statement day range (speaker class)
};

struct Latencies {
  std::vector<double> micros;
  double Percentile(double p) {
    std::sort(micros.begin(), micros.end());
    return micros.empty() ? 0 : micros[std::min(micros.size() - 1, static_cast<size_t>(p * micros.size()))];
  }
  double Mean() const {
    double sum = 0;
    for (double m : micros) sum += m;
    return micros.empty() ? 0 : sum / static_cast<double>(micros.size());
  }
};

// A search timed to its serialized response, as the service sends it
// (FTS5's side reads each result's stored claim bytes), then parsed
// untimed for its totals.
absl::StatusOr<claims::v1::SearchClaimsResponse> TimedSearch(const claims::query::ClaimIndex& index,
                                                             const claims::v1::SearchClaimsRequest& request,
                                                             double* micros) {
  const auto start = Clock::now();
  absl::StatusOr<std::string> serialized = index.SearchSerialized(request);
  *micros = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
  if (!serialized.ok()) return serialized.status();
  claims::v1::SearchClaimsResponse response;
  if (!response.ParseFromString(*serialized)) return absl::InternalError("the response does not parse");
  return response;
}

void Check(int rc, sqlite3* db, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    std::fprintf(stderr, "sqlite %s: %s\n", what, sqlite3_errmsg(db));
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int total_claims = absl::GetFlag(FLAGS_claims);

  // ---- Generate ------------------------------------------------------------
  claims::bench::ClaimGenerator generator(42);
  std::vector<claims::v1::DocumentClaims> docs;
  int generated = 0;
  uint64_t raw_bytes = 0;
  while (generated < total_claims) {
    docs.push_back(generator.NextDocument());
    generated += docs.back().claims_size();
    for (const auto& c : docs.back().claims()) raw_bytes += c.ByteSizeLong();
  }
  std::printf("generated %d claims in %zu documents; raw claim bytes (serialized): %.1f MiB\n", generated, docs.size(),
              raw_bytes / 1048576.0);

  // ---- Queries (drawn from the claims) --------------------------------------
  std::mt19937_64 rng(7);
  auto random_claim = [&]() -> const claims::v1::Claim& {
    const auto& d = docs[rng() % docs.size()];
    return d.claims(static_cast<int>(rng() % d.claims_size()));
  };
  auto words_of = [](const claims::v1::Claim& c) {
    std::vector<std::string> w = claims::query::Tokenize(c.text());
    return w;
  };
  auto content_word = [&](const std::vector<std::string>& w) {
    // Skip the 30 most frequent words, as a user would.
    for (int tries = 0; tries < 20; ++tries) {
      const std::string& x = w[rng() % w.size()];
      bool common = false;
      for (size_t r = 0; r < 30; ++r) common |= generator.word(r) == x;
      if (!common) return x;
    }
    return w[0];
  };
  const int per_class = absl::GetFlag(FLAGS_queries);
  std::vector<std::pair<std::string, std::vector<Query>>> classes = {
      {"one word", {}}, {"two words", {}}, {"phrase", {}}, {"word+speaker+dates", {}}, {"facet count", {}}};
  for (int i = 0; i < per_class; ++i) {
    {
      const std::string w = content_word(words_of(random_claim()));
      classes[0].second.push_back({w, absl::StrCat("\"", w, "\"")});
      classes[4].second.push_back({w, absl::StrCat("\"", w, "\"")});
    }
    {
      const auto w = words_of(random_claim());
      const std::string a = content_word(w), b = content_word(w);
      classes[1].second.push_back({absl::StrCat(a, " ", b), absl::StrCat("\"", a, "\" \"", b, "\"")});
    }
    {
      const auto w = words_of(random_claim());
      const size_t p = rng() % (w.size() - 1);
      classes[2].second.push_back({absl::StrCat("\"", w[p], " ", w[p + 1], "\""),
                                   absl::StrCat("\"", w[p], " ", w[p + 1], "\"")});
    }
    {
      const claims::v1::Claim* c = &random_claim();
      while (c->statement_date().year() == 0) c = &random_claim();
      const int32_t day = claims::query::DayNumber(c->statement_date());
      const std::string w = content_word(words_of(*c));
      classes[3].second.push_back({w, absl::StrCat("\"", w, "\""), c->speaker().speaker_id(), day - 45, day + 45});
    }
  }

  // ---- Load the claim index -------------------------------------------------
  const double rss_before = ResidentMiB();
  claims::query::ClaimIndex index;
  auto t0 = Clock::now();
  const int batch = absl::GetFlag(FLAGS_batch_documents);
  for (size_t i = 0; i < docs.size(); i += batch) {
    google::protobuf::RepeatedPtrField<claims::v1::DocumentClaims> b;
    for (size_t k = i; k < std::min(docs.size(), i + batch); ++k) *b.Add() = docs[k];
    index.Apply(std::move(b));  // the batch is built for this call
  }
  const double index_visible_s = std::chrono::duration<double>(Clock::now() - t0).count();
  // Loaded = searchable, clustered and merged: the background stages done.
  index.WaitForBackgroundWork();
  const double index_load_s = std::chrono::duration<double>(Clock::now() - t0).count();
  const double index_rss = ResidentMiB() - rss_before;
  const claims::v1::GetStatsResponse stats = index.Stats();
  std::printf("claim index: all claims searchable after %.2f s (%.0f claims/s); clustered and merged after %.2f s "
              "(%.0f claims/s), %u segments; resident +%.1f MiB (%.2fx raw), own estimate %.1f MiB\n",
              index_visible_s, generated / index_visible_s, index_load_s, generated / index_load_s, stats.segments(),
              index_rss, index_rss * 1048576.0 / raw_bytes, stats.index_memory_bytes() / 1048576.0);
  const claims::v1::IndexMemory& memory = stats.memory();
  std::printf("  own estimate by part: stored claims %.1f MiB, postings %.1f (%llu terms over the segments), "
              "fields %.1f, clustering %.1f, live sets %.1f\n",
              memory.stored_claims_bytes() / 1048576.0, memory.postings_bytes() / 1048576.0,
              static_cast<unsigned long long>(stats.terms()), memory.fields_bytes() / 1048576.0,
              memory.clustering_bytes() / 1048576.0, memory.live_bytes() / 1048576.0);

  if (const std::string text = absl::GetFlag(FLAGS_query); !text.empty()) {
    claims::v1::SearchClaimsRequest request;
    request.set_query(text);
    request.set_page_size(absl::GetFlag(FLAGS_page_size));
    Latencies runs;
    uint64_t matches = 0;
    for (int i = 0; i < absl::GetFlag(FLAGS_repeat); ++i) {
      double micros = 0;
      absl::StatusOr<claims::v1::SearchClaimsResponse> r = TimedSearch(index, request, &micros);
      runs.micros.push_back(micros);
      if (!r.ok()) {
        std::fprintf(stderr, "index query failed: %s\n", r.status().ToString().c_str());
        return 1;
      }
      matches = r->total_matches();
    }
    std::printf("%s: %llu matches; p50 %.1fus p90 %.1fus p99 %.1fus over %zu runs\n", text.c_str(),
                static_cast<unsigned long long>(matches), runs.Percentile(0.5), runs.Percentile(0.9),
                runs.Percentile(0.99), runs.micros.size());
    return 0;
  }

  // ---- Load SQLite FTS5 -----------------------------------------------------
  const bool peer = absl::GetFlag(FLAGS_fts5);
  sqlite3* db = nullptr;
  Check(sqlite3_open(":memory:", &db), db, "open");
  Check(sqlite3_exec(db,
                     "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                     "CREATE TABLE meta(id INTEGER PRIMARY KEY, claim_id TEXT, speaker TEXT, outlet TEXT, kind INT,"
                     " day INT, claim BLOB);"
                     "CREATE INDEX meta_speaker ON meta(speaker, day);"
                     "CREATE VIRTUAL TABLE fts USING fts5(text, content='', tokenize='porter unicode61 "
                     "remove_diacritics 2');",
                     nullptr, nullptr, nullptr),
        db, "schema");
  const double rss_before_sqlite = ResidentMiB();
  const int64_t sqlite_mem_before = sqlite3_memory_used();
  t0 = Clock::now();
  Check(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), db, "begin");
  sqlite3_stmt* insert_meta = nullptr;
  sqlite3_stmt* insert_fts = nullptr;
  Check(sqlite3_prepare_v2(db, "INSERT INTO meta VALUES(?,?,?,?,?,?,?)", -1, &insert_meta, nullptr), db, "prep");
  Check(sqlite3_prepare_v2(db, "INSERT INTO fts(rowid, text) VALUES(?,?)", -1, &insert_fts, nullptr), db, "prep");
  int64_t rowid = 0;
  std::string bytes;
  for (const auto& d : docs) {
    if (!peer) break;
    for (const auto& c : d.claims()) {
      ++rowid;
      c.SerializeToString(&bytes);
      sqlite3_bind_int64(insert_meta, 1, rowid);
      sqlite3_bind_text(insert_meta, 2, c.claim_id().data(), static_cast<int>(c.claim_id().size()), SQLITE_STATIC);
      sqlite3_bind_text(insert_meta, 3, c.speaker().speaker_id().data(),
                        static_cast<int>(c.speaker().speaker_id().size()), SQLITE_STATIC);
      sqlite3_bind_text(insert_meta, 4, c.source().outlet().data(), static_cast<int>(c.source().outlet().size()),
                        SQLITE_STATIC);
      sqlite3_bind_int(insert_meta, 5, c.kind());
      sqlite3_bind_int(insert_meta, 6, claims::query::DayNumber(c.statement_date()));
      sqlite3_bind_blob(insert_meta, 7, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
      Check(sqlite3_step(insert_meta), db, "insert meta");
      sqlite3_reset(insert_meta);
      sqlite3_bind_int64(insert_fts, 1, rowid);
      sqlite3_bind_text(insert_fts, 2, c.text().data(), static_cast<int>(c.text().size()), SQLITE_STATIC);
      Check(sqlite3_step(insert_fts), db, "insert fts");
      sqlite3_reset(insert_fts);
    }
  }
  Check(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), db, "commit");
  const double sqlite_load_s = std::chrono::duration<double>(Clock::now() - t0).count();
  if (peer) {
    std::printf("sqlite fts5: loaded in %.2f s (%.0f claims/s); resident +%.1f MiB, sqlite heap %.1f MiB (%.2fx raw)\n",
                sqlite_load_s, generated / sqlite_load_s, ResidentMiB() - rss_before_sqlite,
                (sqlite3_memory_used() - sqlite_mem_before) / 1048576.0,
                (sqlite3_memory_used() - sqlite_mem_before) / static_cast<double>(raw_bytes));
  }

  // ---- Run the queries ------------------------------------------------------
  const char* kSql[] = {
      "SELECT m.claim FROM (SELECT rowid FROM fts WHERE fts MATCH ?1 ORDER BY rank LIMIT ?2) f "
      "JOIN meta m ON m.id = f.rowid",
      "SELECT m.claim FROM (SELECT rowid FROM fts WHERE fts MATCH ?1 ORDER BY rank LIMIT ?2) f "
      "JOIN meta m ON m.id = f.rowid",
      "SELECT m.claim FROM (SELECT rowid FROM fts WHERE fts MATCH ?1 ORDER BY rank LIMIT ?2) f "
      "JOIN meta m ON m.id = f.rowid",
      "SELECT m.claim FROM fts JOIN meta m ON m.id = fts.rowid WHERE fts MATCH ?1 AND m.speaker = ?2 "
      "AND m.day BETWEEN ?3 AND ?4 ORDER BY fts.rank LIMIT ?5",
      "SELECT m.speaker, count(*) AS n FROM fts JOIN meta m ON m.id = fts.rowid WHERE fts MATCH ?1 "
      "GROUP BY m.speaker ORDER BY n DESC LIMIT 10"};
  // (mean x: the class's queries in all, FTS5's time over the index's.)
  std::printf("\n%-20s %12s %12s %12s %12s %9s %9s %9s %10s\n", "query class", "index p50", "index p99",
              "fts5 p50", "fts5 p99", "p50 x", "p99 x", "mean x", "avg hits");
  for (size_t k = 0; k < classes.size(); ++k) {
    if (!absl::GetFlag(FLAGS_only).empty() && classes[k].first != absl::GetFlag(FLAGS_only)) continue;
    Latencies ours, theirs;
    uint64_t hits = 0;
    std::vector<std::tuple<double, std::string, uint64_t>> slow;  // microseconds, query, matches
    sqlite3_stmt* stmt = nullptr;
    Check(sqlite3_prepare_v2(db, kSql[k], -1, &stmt, nullptr), db, "prepare query");
    for (int round = 0; round < 2; ++round) {  // the first round warms caches and is not timed
      for (const Query& q : classes[k].second) {
        claims::v1::SearchClaimsRequest request;
        request.set_query(q.text);
        request.set_page_size(k == 4 ? 1 : absl::GetFlag(FLAGS_page_size));
        request.set_exact_total(absl::GetFlag(FLAGS_exact_total));
        if (k == 3) {
          request.mutable_filter()->add_speaker_ids(q.speaker);
          *request.mutable_filter()->mutable_statement_date()->mutable_from() = claims::query::DateFromDay(q.from);
          *request.mutable_filter()->mutable_statement_date()->mutable_to() = claims::query::DateFromDay(q.to);
        }
        if (k == 4) request.add_facets(claims::v1::FACET_FIELD_SPEAKER);
        double micros = 0;
        absl::StatusOr<claims::v1::SearchClaimsResponse> r = TimedSearch(index, request, &micros);
        if (!r.ok()) {
          std::fprintf(stderr, "index query failed: %s\n", r.status().ToString().c_str());
          return 1;
        }
        sqlite3_bind_text(stmt, 1, q.match.data(), static_cast<int>(q.match.size()), SQLITE_STATIC);
        if (k == 3) {
          sqlite3_bind_text(stmt, 2, q.speaker.data(), static_cast<int>(q.speaker.size()), SQLITE_STATIC);
          sqlite3_bind_int(stmt, 3, q.from);
          sqlite3_bind_int(stmt, 4, q.to);
          sqlite3_bind_int(stmt, 5, absl::GetFlag(FLAGS_page_size));
        } else if (k < 3) {
          sqlite3_bind_int(stmt, 2, absl::GetFlag(FLAGS_page_size));
        }
        auto c = Clock::now();
        int rows = 0;
        while (peer && sqlite3_step(stmt) == SQLITE_ROW) {
          ++rows;
          (void)sqlite3_column_blob(stmt, 0);
        }
        sqlite3_reset(stmt);
        auto d = Clock::now();
        if (round == 1) {
          ours.micros.push_back(micros);
          theirs.micros.push_back(std::chrono::duration<double, std::micro>(d - c).count());
          hits += r->total_matches();
          slow.emplace_back(micros, q.text, r->total_matches());
        }
      }
    }
    sqlite3_finalize(stmt);
    const double o50 = ours.Percentile(0.5), o99 = ours.Percentile(0.99);
    const double t50 = theirs.Percentile(0.5), t99 = theirs.Percentile(0.99);
    const double avg_hits = static_cast<double>(hits) / classes[k].second.size();
    const size_t show = std::min<size_t>(slow.size(), std::max(0, absl::GetFlag(FLAGS_slowest)));
    std::partial_sort(slow.begin(), slow.begin() + show, slow.end(), std::greater<>());
    for (size_t i = 0; i < show; ++i) {
      std::printf("  slow %s: %8.1fus %8llu matches  %s\n", classes[k].first.c_str(), std::get<0>(slow[i]),
                  static_cast<unsigned long long>(std::get<2>(slow[i])), std::get<1>(slow[i]).c_str());
    }
    if (peer) {
      std::printf("%-20s %10.1fus %10.1fus %10.1fus %10.1fus %8.1fx %8.1fx %8.1fx %10.0f\n",
                  classes[k].first.c_str(), o50, o99, t50, t99, t50 / o50, t99 / o99, theirs.Mean() / ours.Mean(),
                  avg_hits);
    } else {
      std::printf("%-20s %10.1fus %10.1fus %12s %12s %9s %9s %9s %10.0f\n", classes[k].first.c_str(), o50, o99, "-",
                  "-", "-", "-", "-", avg_hits);
    }
  }
  if (!absl::GetFlag(FLAGS_exact_total)) {
    std::printf("(avg hits: the index's total_matches, a lower bound past 1,000 matches; --exact_total counts all)\n");
  }
  sqlite3_finalize(insert_meta);
  sqlite3_finalize(insert_fts);
  sqlite3_close(db);
  return 0;
}
