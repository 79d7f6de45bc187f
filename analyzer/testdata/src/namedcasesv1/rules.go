package namedcasesv1

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/bson/primitive"
	"go.mongodb.org/mongo-driver/mongo"
)

// One finding of each remaining kind, so that TestDiagnosticURLs sees
// every rule's URL: removed-operator, and a malformed directive.
func otherRules(ctx context.Context, c *mongo.Collection, id primitive.ObjectID, tags []string) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$pushAll": bson.M{"tags": tags}}) // want `^UpdateOne sends \$pushAll, which MongoDB 3.6 removed`
	if err != nil {
		return err
	}
	c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$set": bson.M{"a": 1}}) /* want `UpdateOne sets "a"` `needs a reason` */ //mongocas:ignore unguarded-update
	return nil
}
