// Package store implements ifc.Tags with driver v1.
package store

import (
	"context"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

type Tags struct{ C *mongo.Collection }

func (s *Tags) Set(ctx context.Context, cond, set map[string]interface{}) error {
	_, err := s.C.UpdateOne(ctx, cond, bson.M{"$set": set})
	return err
}
