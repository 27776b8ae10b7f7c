// The query service's in-memory claim index.
//
// Readers work on an immutable snapshot (segments plus per-segment live
// bitmaps) taken with one pointer copy, so queries never wait for ingest.
// The single writer builds a new segment per ingest batch, marks replaced
// and deleted claims dead in copies of the live bitmaps and publishes a new
// snapshot atomically. A merge thread folds segments logarithmically (eight
// of one level into one of the next) so their number stays small, off the
// ingest path: kills that land while it merges are replayed on the result.
// Once ingest goes quiet it also compacts the smaller segments into one
// (usually all of them), since each segment costs every search a term
// lookup, an intersection and its own pruning, and recompresses the claims
// ingest stored quickly, tighter (ClaimCodec's efforts); ingest cancels
// that.
//
// Search: words and phrases are matched on stem postings with positions
// (document-at-a-time intersection; long lists are first intersected as
// Roaring bitmaps); exact word forms add to the BM25 score;
// typed filters are checked on per-claim fields or Roaring bitmaps; facets
// count all matches; results are cut with a bounded heap after an opaque
// cursor.
//
// Corroboration: on ingest each claim's speaker is resolved to its
// index-wide identity (SpeakerDirectory). Clustering (Clusterer) runs in a
// stage of its own behind publication: each published claim has an
// index-wide ordinal, queued in ingest order, and the stage writes its
// cluster into a lock-free table by ordinal, so a claim is searchable when
// its batch is acknowledged and gets its cluster_id shortly after. The
// cluster reads (GetCorroboration, ListClusters) first wait for the stage
// to catch up with what was ingested before them. Outlet counts are read
// live, so a claim's count grows as other outlets report the statement
// later. The stage also feeds the ingest listener, so watchers receive
// claims with their clusters.
#ifndef CLAIMS_QUERY_SERVICE_CLAIM_INDEX_H_
#define CLAIMS_QUERY_SERVICE_CLAIM_INDEX_H_

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "protos/claims/v1/query_service.pb.h"
#include "query_service/atomic_table.h"
#include "query_service/claim_codec.h"
#include "query_service/corroboration.h"
#include "query_service/segment.h"
#include "query_service/speaker_directory.h"

namespace claims::query {

// What one ingest batch did.
struct IngestResult {
  uint32_t documents_accepted = 0;
  uint32_t claims_accepted = 0;
  uint32_t documents_rejected = 0;
  std::vector<std::string> errors;
};

// Most ids one BatchGetClaims call may ask for.
inline constexpr int kMaxBatchGetClaims = 1000;

class ClaimIndex {
 public:
  // Claims queued for clustering beyond which ingest waits for the stage.
  static constexpr size_t kMaxQueuedClusterClaims = 1 << 15;
  // Segments beyond which ingest waits for the merge thread.
  static constexpr size_t kMaxSegments = 48;
  // A merge folds this many segments of one level into one of the next.
  // While ingest runs each claim is copied once per level, log8(batches)
  // times: three for 586 batches, against four or five at 4 (in-process
  // write path of 300,000 claims, `ingest_stages --stages=apply`, six
  // alternating runs each: 23.6-27.2 us a claim at 4, 21.5-23.2 at 8). A search
  // while ingest runs visits up to seven segments a level; once ingest goes
  // quiet a compaction folds them into one.
  static constexpr int kMergeFactor = 8;

  ClaimIndex();
  // With `release_memory` called instead of ReleaseFreeMemory() to hand
  // memory freed by merges back to the system (tests count calls).
  explicit ClaimIndex(std::function<void()> release_memory);
  // Stops the background threads (queued clustering work is dropped).
  ~ClaimIndex();
  ClaimIndex(const ClaimIndex&) = delete;
  ClaimIndex& operator=(const ClaimIndex&) = delete;

  // Adds or replaces documents. Invalid documents (no doc_id, claims
  // without claim_id or with another doc_id) are rejected one by one; the
  // rest become visible to readers together when this returns (their
  // clusters follow from the clustering stage).
  IngestResult Apply(const google::protobuf::RepeatedPtrField<v1::DocumentClaims>& documents);
  // The same, taking the claims out of `documents` instead of copying them.
  IngestResult Apply(google::protobuf::RepeatedPtrField<v1::DocumentClaims>&& documents);
  // The same for documents allocated on `arena` (as an ingest stream parses
  // them): the index keeps the arena until it is done with the claims.
  IngestResult Apply(std::unique_ptr<google::protobuf::Arena> arena,
                     google::protobuf::RepeatedPtrField<v1::DocumentClaims>* documents);

  // Waits until the clustering stage has handled everything ingested or
  // deleted before the call; false if `deadline` came first.
  bool WaitForClustering(absl::Time deadline = absl::InfiniteFuture()) const;
  // Waits until clustering and merging are both idle, and memory freed by
  // merges has gone back to the system (tests, benchmarks).
  void WaitForBackgroundWork() const;

  // Removes a document's claims; NOT_FOUND for an unknown doc_id.
  absl::StatusOr<uint32_t> DeleteDocument(absl::string_view doc_id);

  absl::StatusOr<v1::Claim> GetClaim(absl::string_view claim_id) const;
  v1::BatchGetClaimsResponse BatchGetClaims(const google::protobuf::RepeatedPtrField<std::string>& claim_ids) const;
  absl::StatusOr<v1::DocumentClaims> GetDocument(absl::string_view doc_id) const;
  absl::StatusOr<v1::SearchClaimsResponse> Search(const v1::SearchClaimsRequest& request) const;
  // Search's response serialized, as the service sends it: the page's
  // claims are copied from their stored bytes rather than parsed.
  absl::StatusOr<std::string> SearchSerialized(const v1::SearchClaimsRequest& request) const;
  absl::StatusOr<v1::ListSpeakersResponse> ListSpeakers(const v1::ListSpeakersRequest& request) const;
  absl::StatusOr<v1::SpeakerProfile> GetSpeaker(absl::string_view speaker_id) const;
  // Documents, claims, speakers, terms, memory and segments (the ingest
  // counters are the service's).
  v1::GetStatsResponse Stats() const;
  // The index-wide id of a speaker id the extractor or the index handed out.
  std::string CanonicalSpeakerId(absl::string_view speaker_id) const { return directory_.Canonical(speaker_id); }
  // The cluster of a claim (or a cluster id) with its member claims. Both
  // cluster reads first wait (until `deadline`) for the clustering stage to
  // handle what was ingested before the call.
  absl::StatusOr<v1::Corroboration> GetCorroboration(const v1::GetCorroborationRequest& request,
                                                     absl::Time deadline = absl::InfiniteFuture()) const;
  absl::StatusOr<v1::ListClustersResponse> ListClusters(const v1::ListClustersRequest& request,
                                                        absl::Time deadline = absl::InfiniteFuture()) const;

  // Called by the clustering stage with each batch's claims once they are
  // published and clustered (cluster_id and outlet_count set), in ingest
  // order. Must not call back into the index's writer methods. Replacing
  // the listener waits for a call in progress, so after
  // SetIngestListener(nullptr) returns the old listener is never called.
  using IngestListener = std::function<void(absl::Span<const v1::Claim* const>)>;
  void SetIngestListener(IngestListener listener);

 private:
  struct SegmentRef {
    std::shared_ptr<const Segment> segment;
    std::shared_ptr<const Roaring> live;  // null: every claim live
    uint32_t live_count = 0;
    int level = 0;
    // Index-wide ids of the segment's speakers and outlets (by local id),
    // so facet counts add up in flat arrays across segments.
    std::shared_ptr<const std::vector<uint32_t>> speaker_global;
    std::shared_ptr<const std::vector<uint32_t>> outlet_global;
  };

  // Index-wide numbering of strings (speaker ids, outlets) from 1 (0 is the
  // empty value); append-only, safe to share between threads.
  class Names {
   public:
    uint32_t Intern(absl::string_view value);
    std::string value(uint32_t id) const;
    size_t size() const;
    // Keeps the `n` of `ids` whose values come first in byte order (all of
    // them when there are no more), in no particular order.
    void KeepFirstByValue(std::vector<uint32_t>* ids, size_t n) const;

   private:
    mutable absl::Mutex mu_;
    Dictionary names_ ABSL_GUARDED_BY(mu_);
  };

  // A ref for a new segment, with its global name maps.
  SegmentRef MakeRef(std::shared_ptr<const Segment> segment, int level);
  struct Snapshot {
    std::vector<SegmentRef> segments;
    uint64_t claims = 0;
    uint64_t documents = 0;
  };

  std::shared_ptr<const Snapshot> snapshot() const;
  void Publish(std::shared_ptr<const Snapshot> next);
  // Marks the claims of `doc_id` dead in `snapshot`; returns how many.
  static uint32_t Kill(Snapshot& snapshot, absl::string_view doc_id);
  // Marks the claims of `doc_id` dead in one segment; returns how many.
  static uint32_t KillIn(SegmentRef& ref, absl::string_view doc_id);
  // Merge thread: merges the oldest kMergeFactor segments of the lowest
  // level that has as many, until no level has; hands memory freed by
  // merges back to the system once ingest has gone quiet.
  void MergeLoop();
  // One merge; the level it produced, or -1 when nothing was due (or a
  // compaction was cancelled). With `compact`, merges the segments
  // CompactionInputs chooses, giving up if ingest adds a segment meanwhile.
  int MergeOnce(bool compact);
  // Which segments a compaction merges (none, or at least two).
  static std::vector<bool> CompactionInputs(absl::Span<const SegmentRef> segments);
  // Merge thread: once the index holds enough claims, trains the codec that
  // new segments and merges store claims with (ClaimCodec).
  void MaybeTrainCodec();
  static bool IsLive(const SegmentRef& ref, uint32_t doc) { return ref.live == nullptr || ref.live->contains(doc); }
  // A stored claim with its cluster and live outlet count.
  v1::Claim ReadClaim(const Segment& segment, uint32_t doc) const;
  // Appends what ReadClaim parses: the claim in protobuf's wire format.
  void AppendClaim(const Segment& segment, uint32_t doc, std::string* out) const;
  // The cluster of a claim (0 while the clustering stage has not reached it).
  uint32_t ClusterOf(const ClaimMeta& m) const { return cluster_of_.Get(m.ordinal); }
  // The live claim whose id hashes to `claim_hash`, if any; with `claim_id`,
  // only a claim with that id (ruling out a hash collision).
  std::optional<v1::Claim> FindLiveClaim(const Snapshot& snapshot, uint64_t claim_hash,
                                         absl::string_view claim_id = {}) const;
  // A cluster's live claims, earliest report first.
  std::vector<v1::Claim> ClusterClaims(const Snapshot& snapshot, uint32_t cluster) const;
  // The request with speaker ids mapped to index-wide ids.
  v1::SearchClaimsRequest ResolveSpeakers(const v1::SearchClaimsRequest& request) const;

  // One unit of the clustering stage's work: documents whose claims leave
  // their clusters, then newly published claims to cluster, in that order.
  struct ClusterJob {
    std::vector<std::string> removed_docs;
    std::shared_ptr<void> owner;      // of the documents `claims` point into
    std::vector<v1::Claim*> claims;
    std::vector<uint32_t> ordinals;
    Segment::StatementSequences sequences;  // of `claims`, from their segment's build
  };
  void Enqueue(ClusterJob job);
  // Apply's work on documents that `owner` keeps alive.
  IngestResult ApplyOwned(std::shared_ptr<void> owner,
                          google::protobuf::RepeatedPtrField<v1::DocumentClaims>& documents);
  // Takes a document's claims out: dead in `snapshot`, replayed on the
  // result of a merge in progress, and out of their clusters with `job`.
  // Returns the claims killed.
  uint32_t Withdraw(Snapshot& snapshot, absl::string_view doc_id, ClusterJob& job)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(writer_mu_);
  void ClusterLoop();
  // Whether the clustering stage has handled every job enqueued.
  bool ClusteringIdle() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(stage_mu_) {
    return cluster_jobs_.empty() && jobs_done_ == jobs_enqueued_;
  }

  Names speaker_names_;
  Names outlet_names_;
  SpeakerDirectory directory_;
  Clusterer clusterer_;  // written by the clustering stage; read from any thread
  // Cluster ordinal by claim ordinal, written by the clustering stage.
  AtomicTable<uint32_t> cluster_of_;

  mutable absl::Mutex stage_mu_;
  std::deque<ClusterJob> cluster_jobs_ ABSL_GUARDED_BY(stage_mu_);
  size_t queued_claims_ ABSL_GUARDED_BY(stage_mu_) = 0;
  uint64_t jobs_enqueued_ ABSL_GUARDED_BY(stage_mu_) = 0;
  uint64_t jobs_done_ ABSL_GUARDED_BY(stage_mu_) = 0;
  bool merge_wanted_ ABSL_GUARDED_BY(stage_mu_) = false;
  bool merging_ ABSL_GUARDED_BY(stage_mu_) = false;
  // Merges have freed memory that goes back to the system once no merge
  // has been wanted for kQuietBeforeRelease and clustering is idle
  // (MergeLoop).
  bool release_due_ ABSL_GUARDED_BY(stage_mu_) = false;
  // Once ingest and merges have gone quiet (as for releasing memory), the
  // merge thread compacts: it merges the smaller segments together (all of
  // them unless one holds over two thirds of the claims), since each
  // segment costs every search a term lookup, an intersection and a pruning
  // bound. Set by every change to the index; ingest cancels a compaction in
  // progress.
  bool compaction_due_ ABSL_GUARDED_BY(stage_mu_) = false;
  std::atomic<bool> cancel_compaction_{false};
  const std::function<void()> release_memory_;
  bool stopping_ ABSL_GUARDED_BY(stage_mu_) = false;
  absl::Mutex listener_mu_;  // held while the listener runs
  IngestListener listener_ ABSL_GUARDED_BY(listener_mu_);

  mutable absl::Mutex snapshot_mu_;
  std::shared_ptr<const Snapshot> snapshot_ ABSL_GUARDED_BY(snapshot_mu_);

  // Ingest batches one at a time (held while a batch's segment is built).
  absl::Mutex ingest_mu_ ABSL_ACQUIRED_BEFORE(writer_mu_);
  uint32_t next_ordinal_ ABSL_GUARDED_BY(ingest_mu_) = 1;
  // Changes to the snapshot's contents, one at a time (publication of an
  // ingest batch, deletions, merges).
  mutable absl::Mutex writer_mu_;
  // Claims per live document (writer's bookkeeping).
  absl::flat_hash_map<std::string, uint32_t> documents_ ABSL_GUARDED_BY(writer_mu_);
  // Documents killed while a merge runs, replayed on its result.
  bool merge_running_ ABSL_GUARDED_BY(writer_mu_) = false;
  std::vector<std::string> killed_during_merge_ ABSL_GUARDED_BY(writer_mu_);
  // Stored-claim codec (null until trained): new segments use it, merges
  // recode older segments' claims to it.
  std::shared_ptr<const ClaimCodec> codec_ ABSL_GUARDED_BY(writer_mu_);
  uint64_t codec_attempt_claims_ = 0;  // merge thread: claims at the last failed training
  std::atomic<size_t> codec_bytes_{0};  // the codec's MemoryBytes(), for Stats()

  // Started last, stopped first.
  std::thread cluster_thread_;
  std::thread merge_thread_;
};

}  // namespace claims::query

#endif  // CLAIMS_QUERY_SERVICE_CLAIM_INDEX_H_
