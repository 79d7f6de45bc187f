package reachv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"

	"reachv1dep"
)

// A pipeline that a wrapper of another package builds from the caller's
// fields.
func members(ctx context.Context, s *reachv1dep.MongoStore, room, account string, at int64) {
	s.UpdateMember(ctx, room, account, bson.M{"muted": bson.M{"$not": "$muted"}, "mutedAt": at}) // want `MongoStore.UpdateMember \(FindOneAndUpdate\) sets "mutedAt" but its filter matches only "room", "u.account"`
	s.UpdateMember(ctx, room, account, bson.M{"muted": bson.M{"$not": "$muted"}})
}
