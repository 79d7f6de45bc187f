package reach

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Member struct {
	ID      *bson.ObjectID `bson:"_id,omitempty"`
	Friends []string       `bson:"friends"`
}

type Members struct{ c *mongo.Collection }

// The wrapper clears a field of the struct it is given before writing it:
// the fields it sets are unknown, and the caller's filter decides.
func (m *Members) Save(ctx context.Context, filter map[string]interface{}, u *Member) error { // want Save:`wrapper UpdateOne filter \$1 update \{\$set: \?\} result dropped`
	u.ID = nil
	_, err := m.c.UpdateOne(ctx, filter, bson.D{{Key: "$set", Value: u}})
	return err
}

func befriend(ctx context.Context, m *Members, id bson.ObjectID, u *Member, friend string) error {
	u.Friends = append(u.Friends, friend)
	return m.Save(ctx, map[string]interface{}{"_id": id}, u) // want `Members.Save \(UpdateOne\) sets fields with \$set but its filter matches only "_id"`
}

// Under a filter that may guard, unknown fields say nothing.
func befriendIfFriends(ctx context.Context, m *Members, id bson.ObjectID, u *Member, friend string) error {
	n := len(u.Friends)
	u.Friends = append(u.Friends, friend)
	return m.Save(ctx, map[string]interface{}{"_id": id, "friends": bson.M{"$size": n}}, u)
}

// A replacement of a struct parameter by _id is checked in the wrapper,
// once: whatever a caller passes, a filter of _id alone cannot guard.
func (m *Members) Replace(ctx context.Context, id bson.ObjectID, u Member) error {
	_, err := m.c.ReplaceOne(ctx, bson.M{"_id": id}, u) // want `ReplaceOne replaces the whole document but its filter matches only "_id"`
	return err
}

func replaceMember(ctx context.Context, m *Members, id bson.ObjectID, u Member) error {
	return m.Replace(ctx, id, u)
}
