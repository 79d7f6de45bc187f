// Package store implements the interfaces of ifc with the driver.
package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

type Tags struct{ C *mongo.Collection }

func (s *Tags) Update(ctx context.Context, cond, set map[string]interface{}) error {
	_, err := s.C.UpdateOne(ctx, cond, bson.M{"$set": set})
	return err
}

type Notes struct{ C *mongo.Collection }

func (s *Notes) Put(ctx context.Context, cond, set map[string]interface{}) error {
	_, err := s.C.UpdateOne(ctx, cond, bson.M{"$set": set})
	return err
}
