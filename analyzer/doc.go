// Package analyzer defines an Analyzer that finds MongoDB Go driver
// updates that lose concurrent writes.
//
// # Analyzer mongocas
//
// mongocas: report MongoDB updates that silently lose concurrent writes
//
// MongoDB applies each write to a single document atomically, and checks
// the filter again at the moment of the write. An update is therefore safe
// against a concurrent writer only when its filter constrains a field that
// the update itself changes: the old value of the field being set, a
// version counter the update increments, or a state the update moves on.
//
// The analyzer reports, for the official drivers v1
// (go.mongodb.org/mongo-driver) and v2 (go.mongodb.org/mongo-driver/v2):
//
// unguarded-update: an UpdateOne, UpdateMany, UpdateByID, ReplaceOne,
// FindOneAndUpdate, FindOneAndReplace or bulk-write model that writes
// fields with $set (or replaces the document) while its filter constrains
// none of the fields the update changes. A filter on _id alone never
// guards. Two such writes at once both succeed and the second silently
// overwrites the first:
//
//	coll.FindOne(ctx, bson.M{"_id": id}).Decode(&item)
//	coll.UpdateOne(ctx, bson.M{"_id": id},
//		bson.M{"$set": bson.M{"qty": item.Qty - 1}}) // lost update
//
// Use $inc, or put the current value or a version field in the filter:
//
//	coll.UpdateOne(ctx, bson.M{"_id": id, "qty": bson.M{"$gt": 0}},
//		bson.M{"$inc": bson.M{"qty": -1}})
//
// unchecked-result: a conditional update (a compare-and-swap) whose
// outcome is never read. UpdateOne reports a lost race as MatchedCount == 0
// with a nil error, FindOneAndUpdate as mongo.ErrNoDocuments:
//
//	res, err := coll.UpdateOne(ctx,
//		bson.M{"_id": id, "status": "CREATED"},
//		bson.M{"$set": bson.M{"status": "RUNNING"}})
//	if err != nil {
//		return err
//	}
//	if res.ModifiedCount == 0 {
//		return errAlreadyClaimed
//	}
//
// UpdateMany (a batch) is not reported, nor a guarded upsert whose error
// is checked (a lost race is then a duplicate-key error); _ = res and
// res != nil are no look at the outcome.
//
// removed-operator: an operator that older MongoDB documentation teaches and MongoDB has since
// removed, so that the server rejects the write. $isolated (or $atomic, its
// older name) in the filter of an update or a delete was removed in 4.0;
// $pushAll in an update in 3.6:
//
//	coll.UpdateMany(ctx, bson.M{"status": "A", "$isolated": 1},
//		bson.M{"$inc": bson.M{"count": 1}}) // rejected
//	coll.UpdateOne(ctx, bson.M{"_id": id},
//		bson.M{"$pushAll": bson.M{"tags": tags}}) // rejected
//
// Drop $isolated (several documents change atomically together only in a
// transaction), and write $pushAll as $push with $each:
//
//	coll.UpdateOne(ctx, bson.M{"_id": id},
//		bson.M{"$push": bson.M{"tags": bson.M{"$each": tags}}})
//
// dead-no-documents-check: the error of UpdateOne, UpdateMany, UpdateByID
// or ReplaceOne compared with mongo.ErrNoDocuments (==, !=, errors.Is, a
// case of a switch). Those methods report a filter that matched nothing as
// MatchedCount == 0 with a nil error; only FindOne and FindOneAnd* return
// ErrNoDocuments. The branch never runs, and the lost race goes unnoticed:
//
//	_, err := coll.UpdateOne(ctx, bson.M{"_id": id, "status": "CREATED"},
//		bson.M{"$set": bson.M{"status": "RUNNING"}})
//	if err == mongo.ErrNoDocuments { // never true
//		return errAlreadyClaimed
//	}
//
// Check the count instead: if err == nil && res.MatchedCount == 0.
//
// stale-write-back: a whole document decoded before, written back
// (ReplaceOne, FindOneAndReplace, ReplaceOneModel, or $set of the whole
// struct) with a filter that checks some of its fields besides _id. The
// write is conditional on those, but writes every other field back as it
// was read, undoing what another writer changed in between (the MongoDB wiki's "Atomic Operations", the
// ABA nuance):
//
//	coll.FindOne(ctx, bson.M{"sku": "abc"}).Decode(&s)
//	qtyOld := s.Qty
//	s.Qty--
//	coll.ReplaceOne(ctx, bson.M{"_id": s.ID, "qty": qtyOld}, s) // sku too
//
// $set only the fields this code owns, or guard with a version field:
//
//	coll.UpdateOne(ctx, bson.M{"_id": s.ID, "qty": qtyOld},
//		bson.M{"$set": bson.M{"qty": s.Qty}})
//
// A filter on a version field is not reported; one on _id alone is
// unguarded-update's finding. No fix: which fields the code owns is a
// design decision.
//
// insert-if-absent: an InsertOne that runs only because a read of the same
// collection found nothing (mongo.ErrNoDocuments from FindOne, a count of 0
// from CountDocuments), whose error is not checked with
// mongo.IsDuplicateKeyError. Two callers both find nothing and both insert
// (the MongoDB wiki's "Atomic Operations", "Insert if Not Present"):
//
//	err := users.FindOne(ctx, bson.M{"email": e}).Err()
//	if errors.Is(err, mongo.ErrNoDocuments) {
//		users.InsertOne(ctx, User{Email: e}) // twice
//	}
//
// Rely on a unique index and handle the duplicate key, or use an upsert
// with $setOnInsert:
//
//	_, err := users.InsertOne(ctx, User{Email: e})
//	if mongo.IsDuplicateKeyError(err) {
//		return errTaken
//	}
//
// No fix: whether the unique index exists, and what to do when the
// document is already there, are the program's decisions.
//
// check-then-act: an update that changes a field on the server ($inc and
// the like) after the code tested that field on the document it read (if
// it.Qty > 0 { ... }, or if it.Qty <= 0 { return }), with a filter that
// does not repeat the test. Two callers both pass the test and both write
// (the inventory of the MongoDB wiki's "Atomic Operations"):
//
//	coll.FindOne(ctx, bson.M{"_id": id}).Decode(&it)
//	if it.Qty > 0 {
//		coll.UpdateOne(ctx, bson.M{"_id": it.ID},
//			bson.M{"$inc": bson.M{"qty": -1}}) // sold twice
//	}
//
// The fix repeats a comparison with a constant or an unchanged variable
// in the filter, negated for the early-return form, and checks the
// result:
//
//	coll.UpdateOne(ctx, bson.M{"_id": it.ID, "qty": bson.M{"$gt": 0}},
//		bson.M{"$inc": bson.M{"qty": -1}})
//
// A $set of the tested field is a lost update, unguarded-update's finding;
// its $inc fix carries the test into the filter too.
//
// A write is reported under one rule at most: stale-write-back comes
// before unchecked-result, and unguarded-update before check-then-act.
// These three rules are silent in a transaction, like unguarded-update.
//
// Each unguarded-update says whether it is a read-modify-write (a value
// written, or the condition that leads to the write, comes from a document
// read before), a state transition (a constant is written) or a blind
// write. A filter field that the update writes back with the value it
// matched is no guard. Inside a transaction (a WithTransaction callback,
// or between StartTransaction and CommitTransaction) the server detects
// conflicts and unguarded-update is silent, unless the transaction has
// used a document decoded before it began.
//
// The analyzer reads documents on every path that reaches a write
// (built in branches, reassigned, captured by a closure), reads documents
// built by helper functions, functional options and builder structs,
// reads keys held by package-level variables or read from bson tags,
// checks calls of wrappers (functions that pass their parameters on as a
// filter or an update) at the caller, and checks calls through interfaces
// that *mongo.Collection satisfies. A write is unguarded when no path
// holds a guard. Helpers, options, builders and wrappers are summarized as
// facts, so this works across packages.
//
// Fixes are offered where an edit is safe: $set of a field's old value
// plus or minus a delta becomes $inc; a write-back of a decoded document
// whose type has a version field gets a version guard; an unchecked result
// gets a check that returns an error when nothing matched; $isolated is
// dropped and $pushAll becomes $push with $each; a comparison with
// ErrNoDocuments becomes a check of MatchedCount; a test before an update
// is repeated in its filter.
//
// A //mongocas:ignore <rule> <reason> comment on the line of the call or
// the line above silences that rule there.
//
// Flags:
//
//	-rules=unguarded-update,unchecked-result,removed-operator,dead-no-documents-check,stale-write-back,insert-if-absent,check-then-act  the rules to run
//	-version-fields=version,_version,__v,rev,_rev  bson keys of version counters
//	-ignore-fields=updatedAt,lastSeenAt  fields whose last write may win
//	-blind-writes=true  also report writes without evidence of a read or a state
package analyzer
