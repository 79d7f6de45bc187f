package reachv1dep

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

// A wrapper whose update is a pipeline built from its parameter (see
// reachv1).
func (s *MongoStore) UpdateMember(ctx context.Context, room, account string, set bson.M) error { // want UpdateMember:`wrapper FindOneAndUpdate filter \{room: \$1, u.account: \$2\} update \[\{\$set: \$3\}\]`
	filter := bson.M{"room": room, "u.account": account}
	update := mongo.Pipeline{bson.D{{Key: "$set", Value: set}}}
	return s.C.FindOneAndUpdate(ctx, filter, update, options.FindOneAndUpdate().SetReturnDocument(options.After)).Err()
}
