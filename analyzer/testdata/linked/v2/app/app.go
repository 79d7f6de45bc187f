// Package app joins the service to its stores.
package app

import (
	"example.com/linked/v2/memnotes"
	"example.com/linked/v2/store"
	"example.com/linked/v2/svc"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

func New(db *mongo.Database, inMemory bool) *svc.Service {
	s := &svc.Service{Tags: &store.Tags{C: db.Collection("tags")}, Notes: &store.Notes{C: db.Collection("notes")}}
	if inMemory {
		s.Notes = &memnotes.Notes{}
	}
	return s
}
