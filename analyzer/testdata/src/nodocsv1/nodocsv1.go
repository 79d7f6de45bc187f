package nodocsv1

import (
	"context"
	"errors"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
	"go.mongodb.org/mongo-driver/mongo/options"
)

var errNotFound = errors.New("not found")

func rename(ctx context.Context, c *mongo.Collection, id interface{}, n int) error {
	res, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": n}})
	if err != nil {
		return err
	}
	if err == mongo.ErrNoDocuments { // want `UpdateOne never returns mongo.ErrNoDocuments, so this check is always false`
		return errNotFound
	}
	_ = res
	return nil
}

func bumpAll(ctx context.Context, c *mongo.Collection) error {
	_, err := c.UpdateMany(ctx, bson.D{{"active", true}}, bson.D{{"$inc", bson.D{{"n", 1}}}})
	if errors.Is(err, mongo.ErrNoDocuments) { // want `UpdateMany never returns mongo.ErrNoDocuments`
		return errNotFound
	}
	return err
}

func bumpByID(ctx context.Context, c *mongo.Collection, id interface{}) error {
	var _, err = c.UpdateByID(ctx, id, bson.M{"$inc": bson.M{"n": 1}})
	switch err {
	case mongo.ErrNoDocuments: // want `UpdateByID never returns mongo.ErrNoDocuments, so this case never runs`
		return errNotFound
	}
	return err
}

func upsert(ctx context.Context, c *mongo.Collection, id interface{}) error {
	_, err := c.UpdateOne(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"n": 1}}, options.Update().SetUpsert(true))
	if err == mongo.ErrNoDocuments { // want `UpdateOne never returns mongo.ErrNoDocuments`
		return errNotFound
	}
	return err
}

// Silent: FindOne and FindOneAndUpdate do return ErrNoDocuments.
func load(ctx context.Context, c *mongo.Collection, id interface{}) (bson.M, error) {
	var doc bson.M
	err := c.FindOne(ctx, bson.M{"_id": id}).Decode(&doc)
	if err == mongo.ErrNoDocuments {
		return nil, errNotFound
	}
	if err := c.FindOneAndUpdate(ctx, bson.M{"_id": id}, bson.M{"$inc": bson.M{"reads": 1}}).Err(); errors.Is(err, mongo.ErrNoDocuments) {
		return nil, errNotFound
	}
	return doc, err
}
