package helpersuse

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"helpersdep"
)

// Pipelines that wrappers of another package build from, or take as, the
// caller's documents.
func members(ctx context.Context, s *helpersdep.Store, id bson.ObjectID, room, account string, at int64) {
	s.UpdateMember(ctx, room, account, bson.M{"muted": bson.M{"$not": "$muted"}, "mutedAt": at}) // want `Store.UpdateMember \(FindOneAndUpdate\) sets "mutedAt" but its filter matches only "room", "u.account"`
	// Computed on the server from the document's own value: atomic.
	s.UpdateMember(ctx, room, account, bson.M{"muted": bson.M{"$not": "$muted"}})
	s.Pipe(ctx, id, mongo.Pipeline{{{Key: "$set", Value: bson.D{{Key: "name", Value: room}}}}}) // want `Store.Pipe \(UpdateOne\) sets "name" but its filter matches only "_id"`
	s.Pipe(ctx, id, mongo.Pipeline{{{Key: "$set", Value: bson.D{{Key: "n", Value: bson.M{"$add": bson.A{"$n", 1}}}}}}})
}
