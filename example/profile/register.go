package profile

import (
	"context"
	"errors"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
)

// ErrTaken is returned when the e-mail address already has a profile.
var ErrTaken = errors.New("profile: e-mail address taken")

// Register creates a profile for p.Email unless one exists.
//
// BUG: insert if absent. Two callers can both find no profile and both
// insert: the address then has two profiles.
func (s *Service) Register(ctx context.Context, p Profile) error {
	err := s.profiles.FindOne(ctx, bson.M{"email": p.Email}).Err()
	if errors.Is(err, mongo.ErrNoDocuments) {
		_, err = s.profiles.InsertOne(ctx, p)
		return err
	}
	if err != nil {
		return fmt.Errorf("register %s: %w", p.Email, err)
	}
	return ErrTaken
}

// RegisterUnique creates a profile for p.Email unless one exists.
//
// OK: a unique index on "email" makes the server refuse the second insert,
// and the duplicate-key error says the address is taken.
func (s *Service) RegisterUnique(ctx context.Context, p Profile) error {
	_, err := s.profiles.InsertOne(ctx, p)
	if mongo.IsDuplicateKeyError(err) {
		return ErrTaken
	}
	return err
}

// Deactivate marks an active profile inactive.
//
// BUG: stale write-back. The whole profile read is written back with a
// filter that checks only "active": a rename made in between is undone.
func (s *Service) Deactivate(ctx context.Context, id bson.ObjectID) error {
	var p Profile
	if err := s.profiles.FindOne(ctx, bson.M{"_id": id}).Decode(&p); err != nil {
		return err
	}
	p.Active = false
	res, err := s.profiles.ReplaceOne(ctx, bson.M{"_id": id, "active": true}, p)
	if err != nil {
		return err
	}
	if res.MatchedCount == 0 {
		return ErrConflict
	}
	return nil
}

// DeactivateOwnField marks an active profile inactive.
//
// OK: only the field this code owns is written, and the filter checks it.
func (s *Service) DeactivateOwnField(ctx context.Context, id bson.ObjectID) error {
	res, err := s.profiles.UpdateOne(ctx, bson.M{"_id": id, "active": true}, bson.M{"$set": bson.M{"active": false}})
	if err != nil {
		return err
	}
	if res.MatchedCount == 0 {
		return ErrConflict
	}
	return nil
}
