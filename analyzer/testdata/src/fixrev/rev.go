// The version-guard fix with a configured version field name.
package fixrev

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Doc struct {
	ID       bson.ObjectID `bson:"_id"`
	Body     string        `bson:"body"`
	Revision int64         `bson:"revision"`
}

func edit(ctx context.Context, c *mongo.Collection, id bson.ObjectID, body string) error {
	var d Doc
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&d); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": d.ID}, bson.M{"$set": bson.M{"body": body + d.Body}}) // want `UpdateOne sets "body"`
	return err
}
