// version-fields keeps the case of a field name: the fix guards with
// docRevision.
package versionfields

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Page struct {
	ID          bson.ObjectID `bson:"_id"`
	Body        string        `bson:"body"`
	DocRevision int64         `bson:"docRevision"`
}

func edit(ctx context.Context, c *mongo.Collection, id bson.ObjectID, body string) error {
	var p Page
	if err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return err
	}
	_, err := c.UpdateOne(ctx, bson.M{"_id": p.ID}, bson.M{"$set": bson.M{"body": body + p.Body}}) // want `UpdateOne sets "body"`
	return err
}
