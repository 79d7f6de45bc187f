package helpersdep

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Wrappers whose update is a pipeline built from their parameter: its
// stage's fields are the caller's.

func (s *Store) UpdateMember(ctx context.Context, room, account string, set bson.M) error { // want UpdateMember:`wrapper FindOneAndUpdate filter \{room: \$1, u.account: \$2\} update \[\{\$set: \$3\}\]`
	filter := bson.M{"room": room, "u.account": account}
	update := mongo.Pipeline{bson.D{{Key: "$set", Value: set}}}
	return s.c.FindOneAndUpdate(ctx, filter, update, options.FindOneAndUpdate().SetReturnDocument(options.After)).Err()
}

func (s *Store) Pipe(ctx context.Context, id bson.ObjectID, stages mongo.Pipeline) error { // want Pipe:`wrapper UpdateOne filter \{_id: \$1\} update \$2`
	_, err := s.c.UpdateOne(ctx, bson.M{"_id": id}, stages)
	return err
}
