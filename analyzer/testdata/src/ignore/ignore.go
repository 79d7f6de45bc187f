package ignore

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

func directives(ctx context.Context, c *mongo.Collection, id bson.ObjectID) {
	//mongocas:ignore unguarded-update the profile service owns this field; last write wins
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"a": 1}})

	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"a": 1}}) //mongocas:ignore unguarded-update heartbeat timestamp

	//mongocas:ignore unchecked-result wrong rule named: the finding stays
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"a": 1}}) // want `UpdateOne sets "a"`

	//mongocas:ignore unguarded-update a directive two lines up does not count

	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"a": 1}}) // want `UpdateOne sets "a"`

	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"a": 1}}) /* want `UpdateOne sets "a"` `needs a reason` */ //mongocas:ignore unguarded-update

	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"a": 1}}) /* want `UpdateOne sets "a"` `names unknown rule "lost-update"` */ //mongocas:ignore lost-update because

	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"a": 1}}) /* want `UpdateOne sets "a"` `needs a rule and a reason` */ //mongocas:ignore
}
