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
// Each unguarded-update says whether it is a read-modify-write (a value
// written, or the condition that leads to the write, comes from a document
// read before), a state transition (a constant is written) or a blind
// write. A filter field that the update writes back with the value it
// matched is no guard. Inside a transaction (a WithTransaction callback,
// or between StartTransaction and CommitTransaction) the server detects
// conflicts and unguarded-update is silent.
//
// The analyzer reads documents built by helper functions, checks calls of
// wrappers (functions that pass their parameters on as a filter or an
// update) at the caller, and checks calls through interfaces that
// *mongo.Collection satisfies. Helpers and wrappers are summarized as
// facts, so this works across packages.
//
// Fixes are offered where an edit is safe: $set of a field's old value
// plus or minus a delta becomes $inc; a write-back of a decoded document
// whose type has a version field gets a version guard; an unchecked result
// gets a check that returns an error when nothing matched.
//
// A //mongocas:ignore <rule> <reason> comment on the line of the call or
// the line above silences that rule there.
//
// Flags:
//
//	-rules=unguarded-update,unchecked-result  the rules to run
//	-version-fields=version,_version,__v,rev,_rev  bson keys of version counters
//	-ignore-fields=updatedAt,lastSeenAt  fields whose last write may win
//	-blind-writes=true  also report writes without evidence of a read or a state
package analyzer
